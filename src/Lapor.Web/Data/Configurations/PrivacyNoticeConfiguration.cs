using Lapor.Web.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class PrivacyNoticeConfiguration : IEntityTypeConfiguration<PrivacyNotice>
{
    public void Configure(EntityTypeBuilder<PrivacyNotice> builder)
    {
        // A single row; the id is fixed, not generated.
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.TextId).HasMaxLength(PrivacyNotice.MaxLength);
        builder.Property(p => p.TextEn).HasMaxLength(PrivacyNotice.MaxLength);
    }
}
