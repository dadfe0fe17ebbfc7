using Lapor.Web.Domain.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class DashboardTallyConfiguration : IEntityTypeConfiguration<DashboardTally>
{
    public void Configure(EntityTypeBuilder<DashboardTally> builder)
    {
        // A period is a range of months: the key's order serves the dashboard's read and each upsert.
        builder.HasKey(t => new { t.Month, t.Measure, t.AgencyId, t.Bucket });
        builder.Ignore(t => t.Key);
    }
}
