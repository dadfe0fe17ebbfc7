using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class ReporterIdentityConfiguration : IEntityTypeConfiguration<ReporterIdentity>
{
    public void Configure(EntityTypeBuilder<ReporterIdentity> builder)
    {
        builder.HasKey(i => i.ReportId);
        builder.HasOne(i => i.Report).WithOne().HasForeignKey<ReporterIdentity>(i => i.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.FullName).HasMaxLength(150);
        builder.Property(i => i.Email).HasMaxLength(256);
        builder.Property(i => i.Phone).HasMaxLength(32);
        builder.Property(i => i.ReplyTo).HasMaxLength(64);
        builder.Property(i => i.Culture).HasMaxLength(8).IsUnicode(false);

        // A channel message finds its sender's reports (follow-ups, CEK, STATUS) by the number or chat it came from.
        builder.HasIndex(i => new { i.ReplyChannel, i.ReplyTo });
    }
}
