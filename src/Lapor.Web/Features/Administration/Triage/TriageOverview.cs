using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Triage;
using Lapor.Web.Infrastructure.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Administration.Triage;

/// <summary>
/// /admin/saran-instansi: the suggestion model as measured on held-out past reports beside the
/// category-default baseline, how its suggestions fared with the coordinators, and the threshold.
/// </summary>
public static class TriageOverview
{
    /// <summary>The newest model without its bytes.</summary>
    public sealed record ModelFacts(
        int Id, DateTimeOffset TrainedAt, bool Nightly, int SampleSize, int TestSize, int AgencyClasses, long TrainingMilliseconds,
        double AgencyTop1, double AgencyTop3, double CategoryTop1, double BaselineAgencyTop1);

    /// <summary>What coordinators did with the suggestions they saw: how often the suggested top agency and category were kept.</summary>
    public sealed record Live(int Shown, double AgencyTaken, double CategoryTaken, int Preselected, double PreselectedKept);

    public sealed record View(ModelFacts? Model, Live ForModel, Live AllModels, double Threshold, int MinimumReports, int MinimumPerClass, int SampleLimit)
    {
        /// <summary>The held-out size below which the page warns that the model's measured accuracy is uncertain (<see cref="TriageOptions.HeldOutWarningBelow"/>).</summary>
        public int HeldOutWarningBelow { get; init; }

        /// <summary>Whether the model was measured on too few held-out reports for its accuracy to be read as settled.</summary>
        public bool HeldOutUncertain => Model is { } m && m.TestSize < HeldOutWarningBelow;

        /// <summary>Without a model: how many routed reports there are to learn from (counted up to the minimum), so the page can say what is missing.</summary>
        public int? RoutedReports { get; init; }
    }

    public sealed class Handler(LaporDbContext db, IOptions<TriageOptions> options)
    {
        public async Task<View> HandleAsync(CancellationToken cancellationToken)
        {
            var model = await db.Set<TriageModel>().AsNoTracking().OrderByDescending(m => m.Id)
                .Select(m => new ModelFacts(m.Id, m.TrainedAt, m.TrainedBy == null, m.SampleSize, m.TestSize, m.AgencyClasses, m.TrainingMilliseconds,
                    m.AgencyTop1, m.AgencyTop3, m.CategoryTop1, m.BaselineAgencyTop1))
                .FirstOrDefaultAsync(cancellationToken);

            // One grouped query: per model, the counts the live figures need.
            var counts = await db.Set<TriageSuggestion>().AsNoTracking()
                .GroupBy(s => s.ModelId)
                .Select(g => new Tally(g.Key, g.Count(), g.Count(s => s.AgencyTaken), g.Count(s => s.SuggestedCategoryId != null),
                    g.Count(s => s.CategoryTaken), g.Count(s => s.Preselected), g.Count(s => s.Preselected && s.AgencyTaken)))
                .ToListAsync(cancellationToken);
            var threshold = await db.Set<TriageSettings>().AsNoTracking().Where(s => s.Id == 1).Select(s => (double?)s.Threshold).FirstOrDefaultAsync(cancellationToken)
                ?? TriageSettings.DefaultThreshold;
            var o = options.Value;
            return new View(model, Sum(counts.Where(c => c.ModelId == model?.Id)), Sum(counts), threshold, o.MinimumReports, o.MinimumPerClass, o.SampleLimit)
            {
                HeldOutWarningBelow = o.HeldOutWarningBelow,
                RoutedReports = model is null ? await db.Reports.Where(HandledReports.Kept).Take(o.MinimumReports).CountAsync(cancellationToken) : null,
            };
        }

        private sealed record Tally(int ModelId, int Shown, int AgencyTaken, int WithCategory, int CategoryTaken, int Preselected, int PreselectedKept);

        private static Live Sum(IEnumerable<Tally> tallies)
        {
            var list = tallies.ToList();
            int shown = list.Sum(t => t.Shown), withCategory = list.Sum(t => t.WithCategory), preselected = list.Sum(t => t.Preselected);
            static double Share(int hits, int of) => of == 0 ? 0 : (double)hits / of;
            return new Live(shown, Share(list.Sum(t => t.AgencyTaken), shown), Share(list.Sum(t => t.CategoryTaken), withCategory),
                preselected, Share(list.Sum(t => t.PreselectedKept), preselected));
        }
    }

    /// <summary>The threshold in whole percent, as the form shows it.</summary>
    public sealed class ThresholdForm
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "Triage.Threshold")]
        public int? Percent { get; set; }
    }

    public sealed class SetThreshold(LaporDbContext db, TriageModels models, TimeProvider clock)
    {
        /// <summary>Saves the threshold (false when out of range) and audits it; every instance reads it on its next page.</summary>
        public async Task<bool> HandleAsync(int? percent, string? adminId, CancellationToken cancellationToken)
        {
            if (percent is not { } p || !TriageSettings.IsValidThreshold(p / 100.0))
            {
                return false;
            }

            await TriageSettingsRow.EnsureAsync(db, cancellationToken);
            var settings = await db.Set<TriageSettings>().FirstAsync(s => s.Id == 1, cancellationToken);
            settings.SetThreshold(p / 100.0);
            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "TriageSettings", "1", $"suggestion threshold {p}%", null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await models.InvalidateAsync(cancellationToken);
            return true;
        }
    }
}
