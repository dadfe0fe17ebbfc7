using Lapor.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(o => o.Template).HasMaxLength(64);
        builder.Property(o => o.Recipient).HasMaxLength(256);
        builder.Property(o => o.Culture).HasMaxLength(8);
        builder.Property(o => o.LastError).HasMaxLength(500);
        builder.Property(o => o.ClaimedBy).HasMaxLength(100);
        builder.HasIndex(o => new { o.SentAt, o.NextAttemptAt });
    }
}
