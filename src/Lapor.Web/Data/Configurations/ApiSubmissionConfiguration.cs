using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class ApiSubmissionConfiguration : IEntityTypeConfiguration<ApiSubmission>
{
    public void Configure(EntityTypeBuilder<ApiSubmission> builder)
    {
        builder.Property(s => s.BodyHash).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.IdempotencyKey).HasMaxLength(ApiSubmission.MaxKeyLength);
        builder.Property(s => s.DeviceId).HasMaxLength(ApiSubmission.MaxIdLength);
        builder.Property(s => s.AccountId).HasMaxLength(ApiSubmission.MaxIdLength);
        builder.HasOne<ApiClient>().WithMany().HasForeignKey(s => s.ApiClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);

        // A retry is looked up by client and body within minutes; a key by client and key.
        builder.HasIndex(s => new { s.ApiClientId, s.BodyHash, s.ReceivedAt });
        builder.HasIndex(s => new { s.ApiClientId, s.IdempotencyKey }).IsUnique(); // SQL Server leaves out the rows without a key by itself
        builder.HasIndex(s => s.ReportId);
    }
}
