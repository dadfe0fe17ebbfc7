using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class OperatorFilingConfiguration : IEntityTypeConfiguration<OperatorFiling>
{
    public void Configure(EntityTypeBuilder<OperatorFiling> builder)
    {
        builder.HasKey(f => f.ReportId);
        builder.HasOne(f => f.Report).WithOne().HasForeignKey<OperatorFiling>(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.OperatorUserId).HasMaxLength(450);
        builder.Property(f => f.ServicePoint).HasMaxLength(OperatorFiling.MaxServicePointLength);
        builder.Property(f => f.ConsentWording).HasMaxLength(OperatorFiling.MaxConsentLength);

        // The operator's own list, newest first, paged by report id.
        builder.HasIndex(f => new { f.OperatorUserId, f.ReportId });
    }
}
