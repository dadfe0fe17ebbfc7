using System.Diagnostics;
using Lapor.Web.Data;
using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Triage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Triage;

/// <summary>
/// Trains the suggestion models on this instance's own routed reports: the label is the agency that
/// actually handled each one (its share not returned, forwarded or withdrawn: after forwards, the last
/// agency) and the report's category. The most recent reports are read, the newest tenth held out
/// to measure the models against the category-default baseline, and the result stored as a new row.
/// </summary>
public sealed class TriageTrainer(LaporDbContext db, IOptions<TriageOptions> options, TimeProvider clock, ILogger<TriageTrainer> logger)
{
    /// <summary>One routed report as the classifier sees it.</summary>
    public sealed record Example(long ReportId, DateTimeOffset SubmittedAt, string Text, int AgencyId, int? CategoryId);

    /// <summary>A trained pair of models with their measurements, or null with too little history (no row is stored then).</summary>
    public async Task<TriageModel?> TrainAsync(string? adminId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var started = Stopwatch.StartNew();
        var examples = await ExamplesAsync(o.SampleLimit, cancellationToken);
        var defaults = await DefaultAgenciesAsync(cancellationToken);

        // The rows as read are garbage once the texts are built: collected before training allocates its own.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var trained = Train(examples, defaults, o);
        if (trained is null)
        {
            logger.LogInformation("Triage model not trained: {Count} routed reports, fewer than {Minimum}", examples.Count, o.MinimumReports);
            return null;
        }

        var (training, agency, category) = trained.Value;
        var model = new TriageModel(clock.GetUtcNow(), adminId, training with { TrainingMilliseconds = started.ElapsedMilliseconds }, agency.Save(), category.Save());
        db.Add(model);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Triage model {Id} trained on {Sample} reports in {Milliseconds} ms: agency top-1 {Top1:P1}, top-3 {Top3:P1}, category {Category:P1}, baseline {Baseline:P1}",
            model.Id, model.SampleSize, model.TrainingMilliseconds, model.AgencyTop1, model.AgencyTop3, model.CategoryTop1, model.BaselineAgencyTop1);
        return model;
    }

    /// <summary>
    /// Trains on the older part of <paramref name="examples"/> and measures on the newer; null when there are fewer
    /// than the minimum or fewer than two learnable agencies.
    /// </summary>
    public static (TriageTraining Training, TriageClassifier Agency, TriageClassifier Category)? Train(
        IReadOnlyList<Example> examples, IReadOnlyDictionary<int, int> defaultAgencies, TriageOptions o)
    {
        if (examples.Count < o.MinimumReports)
        {
            return null;
        }

        var ordered = examples.OrderBy(e => e.SubmittedAt).ThenBy(e => e.ReportId).ToList();
        var (trainCount, _) = TriageScore.Split(ordered.Count, o.HeldOutShare);
        var train = ordered.Take(trainCount).ToList();
        var test = ordered.Skip(trainCount).ToList();

        var agencies = TriageAdvice.Learnable(train.Select(e => e.AgencyId), o.MinimumPerClass);
        var categories = TriageAdvice.Learnable(train.Where(e => e.CategoryId is not null).Select(e => e.CategoryId!.Value), o.MinimumPerClass);
        if (agencies.Count < 2 || categories.Count < 2)
        {
            return null;
        }

        var agency = TriageClassifier.Train(train.Where(e => agencies.Contains(e.AgencyId)).Select(e => (e.Text, e.AgencyId)));

        // The web process's peak memory is the target (DESIGN §11): the first model's working data (a copy of the
        // texts, a dual variable per report and agency) is garbage now; returning it before the second keeps the peak lower.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var category = TriageClassifier.Train(train.Where(e => e.CategoryId is { } c && categories.Contains(c)).Select(e => (e.Text, e.CategoryId!.Value)));

        var score = new TriageScore();
        foreach (var e in test)
        {
            var ranked = agency.Rank(e.Text).Take(TriageAdvice.Shown).Select(p => p.Id).ToList();
            var predictedCategory = category.Rank(e.Text)[0].Id;
            score.Add(e.AgencyId, ranked, e.CategoryId, predictedCategory, e.CategoryId is { } c ? defaultAgencies.GetValueOrDefault(c) : null);
        }

        return (new TriageTraining(train.Count, test.Count, agencies.Count, 0, score.Total()), agency, category);
    }

    /// <summary>
    /// The most recent reports an agency kept (<see cref="HandledReports"/>), newest first, each with the agency whose
    /// share kept it (the earliest such share when several agencies kept it).
    /// </summary>
    public async Task<IReadOnlyList<Example>> ExamplesAsync(int limit, CancellationToken cancellationToken)
    {
        var body = options.Value.BodyCharacters;
        var rows = await db.Reports.AsNoTracking()
            .Where(HandledReports.Kept)
            .OrderByDescending(r => r.Id)
            .Take(limit)
            .Select(r => new
            {
                r.Id, r.SubmittedAt, r.Title, Body = r.Body.Substring(0, body), r.Location, r.CategoryId,
                Agency = r.Assignments.AsQueryable().Where(HandledReports.KeptShare).OrderBy(a => a.Id).Select(a => a.AgencyId).First(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Example(r.Id, r.SubmittedAt, TriageClassifier.TextOf(r.Title, r.Body, r.Location), r.Agency, r.CategoryId))];
    }

    /// <summary>
    /// Each category's default agency as the report page picks it for a report without a region: the
    /// default of the lowest region id. The baseline the classifier is measured against.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, int>> DefaultAgenciesAsync(CancellationToken cancellationToken) =>
        (await db.Set<CategoryDefaultAgency>().AsNoTracking().Select(d => new { d.CategoryId, d.RegionAgencyId, d.AgencyId }).ToListAsync(cancellationToken))
            .GroupBy(d => d.CategoryId)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.RegionAgencyId).First().AgencyId);
}
