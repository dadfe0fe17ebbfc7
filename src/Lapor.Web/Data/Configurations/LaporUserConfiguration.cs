using Lapor.Web.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class LaporUserConfiguration : IEntityTypeConfiguration<LaporUser>
{
    public void Configure(EntityTypeBuilder<LaporUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(150);
        builder.Property(u => u.PreferredCulture).HasMaxLength(8);
        builder.Property(u => u.ServicePoint).HasMaxLength(Domain.Reports.OperatorFiling.MaxServicePointLength);
    }
}
