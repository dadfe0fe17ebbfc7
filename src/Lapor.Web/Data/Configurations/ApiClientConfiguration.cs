using Lapor.Web.Domain.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.Ignore(c => c.IsActive);
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.Property(c => c.KeyPrefix).HasMaxLength(8).IsUnicode(false);
        builder.Property(c => c.KeyHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(c => c.KeyHash).IsUnique();
        builder.Property(c => c.Operations).HasConversion<int>();
        builder.Property(c => c.WebhookUrl).HasMaxLength(500);
        
        // Protected (Data Protection's payload in base64url): a 200-character secret takes about 400.
        builder.Property(c => c.WebhookSecret).HasMaxLength(1000).IsUnicode(false);
    }
}
