using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class RoutingEntryConfiguration : IEntityTypeConfiguration<RoutingEntry>
{
    public void Configure(EntityTypeBuilder<RoutingEntry> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.HasIndex(e => new { e.ReportId, e.OccurredAt });

        // The Open311 servicerequestupdates feed reads the history by date, across reports.
        builder.HasIndex(e => e.OccurredAt);
    }
}
