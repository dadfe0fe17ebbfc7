using Lapor.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.Property(c => c.NameEnglish).HasMaxLength(120);
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.DefaultAgencies).WithOne().HasForeignKey(d => d.CategoryId);
        builder.Navigation(c => c.DefaultAgencies).HasField("_defaultAgencies");
    }
}
