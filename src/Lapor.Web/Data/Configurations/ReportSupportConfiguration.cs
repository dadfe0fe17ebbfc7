using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class ReportSupportConfiguration : IEntityTypeConfiguration<ReportSupport>
{
    public void Configure(EntityTypeBuilder<ReportSupport> builder)
    {
        // The key is the guarantee: one support per account and report, even under double clicks.
        builder.HasKey(s => new { s.ReportId, s.UserId });
        builder.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<LaporUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.NoAction);
    }
}
