using Lapor.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class CategoryDefaultAgencyConfiguration : IEntityTypeConfiguration<CategoryDefaultAgency>
{
    public void Configure(EntityTypeBuilder<CategoryDefaultAgency> builder)
    {
        builder.HasKey(d => new { d.CategoryId, d.RegionAgencyId });
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.RegionAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
