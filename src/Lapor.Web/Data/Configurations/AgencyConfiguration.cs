using Lapor.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.ShortCode).HasMaxLength(32);
        builder.HasIndex(a => a.ShortCode).IsUnique();
        builder.Property(a => a.LiaisonDecreeNumber).HasMaxLength(100);
        builder.Property(a => a.ContactEmail).HasMaxLength(256);
        builder.Property(a => a.ContactPhone).HasMaxLength(32);
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
