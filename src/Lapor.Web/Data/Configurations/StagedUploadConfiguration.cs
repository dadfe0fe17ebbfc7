using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class StagedUploadConfiguration : IEntityTypeConfiguration<StagedUpload>
{
    public void Configure(EntityTypeBuilder<StagedUpload> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Owner).HasMaxLength(64).IsUnicode(false);
        builder.Property(s => s.OriginalFileName).HasMaxLength(255);
        builder.Property(s => s.StoredName).HasMaxLength(100).IsUnicode(false);
        builder.HasIndex(s => s.StoredName).IsUnique();
        builder.Property(s => s.ContentType).HasMaxLength(100).IsUnicode(false);
        builder.Property(s => s.Sha256).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(s => new { s.FormToken, s.Owner });
        builder.HasIndex(s => s.StagedAt); // the clean-up job takes the day-old ones
    }
}
