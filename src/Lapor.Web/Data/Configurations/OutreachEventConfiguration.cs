using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class OutreachEventConfiguration : IEntityTypeConfiguration<OutreachEvent>
{
    public void Configure(EntityTypeBuilder<OutreachEvent> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(OutreachEvent.MaxTitleLength);
        builder.Property(e => e.Audience).HasMaxLength(OutreachEvent.MaxAudienceLength);
        builder.Property(e => e.PhotoStoredName).HasMaxLength(80);
        builder.Property(e => e.PhotoContentType).HasMaxLength(64);
        builder.Property(e => e.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);

        // The log of a scope's period, and the attachment sweep's "does a row name this file".
        builder.HasIndex(e => new { e.AgencyId, e.HeldOn });
        builder.HasIndex(e => e.PhotoStoredName);
    }
}
