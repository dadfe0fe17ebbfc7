using Lapor.Web.Domain.Reports;
using Lapor.Web.Domain.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Web.Data.Configurations;

public sealed class TriageModelConfiguration : IEntityTypeConfiguration<TriageModel>
{
    public void Configure(EntityTypeBuilder<TriageModel> builder)
    {
        builder.ToTable("TriageModels");
        builder.Property(m => m.TrainedBy).HasMaxLength(450);
    }
}

public sealed class TriageSettingsConfiguration : IEntityTypeConfiguration<TriageSettings>
{
    public void Configure(EntityTypeBuilder<TriageSettings> builder)
    {
        // A single row; the id is fixed, not generated.
        builder.ToTable("TriageSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TrainingClaimedBy).HasMaxLength(200);
    }
}

public sealed class TriageSuggestionConfiguration : IEntityTypeConfiguration<TriageSuggestion>
{
    public void Configure(EntityTypeBuilder<TriageSuggestion> builder)
    {
        builder.ToTable("TriageSuggestions");
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasOne<Report>().WithMany().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);

        // The administrator page counts the live accuracy per model, newest first.
        builder.HasIndex(s => new { s.ModelId, s.At });
    }
}
