using Lapor.Web.Domain.Reports;
using Lapor.Web.Domain.Tags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder)
    {
        // Labels are stored in lower case, so this index is the case-insensitive uniqueness on every database.
        builder.Property(t => t.Label).HasMaxLength(TagLabel.MaxLength);
        builder.HasIndex(t => t.Label).IsUnique();
    }
}

public sealed class ReportTagConfiguration : IEntityTypeConfiguration<ReportTag>
{
    public void Configure(EntityTypeBuilder<ReportTag> builder)
    {
        builder.ToTable("ReportTags");
        builder.HasKey(t => new { t.ReportId, t.TagId });
        builder.HasOne<Report>().WithMany(r => r.Tags).HasForeignKey(t => t.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Restrict);

        // The dashboard's and exports' tag filter: an EXISTS on (tag, report).
        builder.HasIndex(t => new { t.TagId, t.ReportId });
    }
}

public sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.NameId).HasMaxLength(Theme.MaxNameLength);
        builder.Property(t => t.NameEn).HasMaxLength(Theme.MaxNameLength);
        builder.Property(t => t.Description).HasMaxLength(Theme.MaxDescriptionLength);
        builder.HasOne<Tag>().WithMany().HasForeignKey(t => t.TagId).OnDelete(DeleteBehavior.Restrict);

        // The filing form asks which themes run today.
        builder.HasIndex(t => new { t.EndsOn, t.StartsOn });
    }
}
