using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class StaffNotificationConfiguration : IEntityTypeConfiguration<StaffNotification>
{
    public void Configure(EntityTypeBuilder<StaffNotification> builder)
    {
        builder.Property(n => n.Template).HasMaxLength(64);
        builder.Property(n => n.TrackingNumber).HasMaxLength(13).IsUnicode(false);
        builder.HasOne<LaporUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);

        // The unread badge on every staff page: one user's unread notices.
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}
