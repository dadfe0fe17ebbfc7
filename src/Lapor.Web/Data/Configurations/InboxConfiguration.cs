using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Inbox;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(SavedView.MaxNameLength);
        builder.Property(v => v.Query).HasMaxLength(SavedView.MaxQueryLength);
        builder.HasOne<LaporUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.UserId);
    }
}

public sealed class ReportReadingConfiguration : IEntityTypeConfiguration<ReportReading>
{
    public void Configure(EntityTypeBuilder<ReportReading> builder)
    {
        // One row per person and report; the inbox looks it up by both.
        builder.HasKey(r => new { r.UserId, r.ReportId });
        builder.HasOne<LaporUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
