using Lapor.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class ChannelContactConfiguration : IEntityTypeConfiguration<ChannelContact>
{
    public void Configure(EntityTypeBuilder<ChannelContact> builder)
    {
        builder.HasKey(c => new { c.Channel, c.AddressHash });
        builder.Property(c => c.AddressHash).HasMaxLength(64);
        builder.HasIndex(c => c.LastInboundAt);
    }
}
