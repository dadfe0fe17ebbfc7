using Lapor.Web.Data;
using Lapor.Web.Domain.Triage;
using Lapor.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Triage;

/// <summary>
/// The newest model and the threshold, as the verification form needs them: kept in this instance's
/// memory through <see cref="SharedCache"/> (a page costs no query), and loaded from the database
/// only when another model id is newest, so each instance deserializes each model once.
/// </summary>
public sealed class TriageModels(LaporDbContext db, SharedCache cache, LoadedTriageModel loaded, IOptions<TriageOptions> options)
{
    private const string Region = "triage";

    /// <summary>The models of one stored row, ready to predict.</summary>
    public sealed record Loaded(int Id, int SampleSize, DateTimeOffset TrainedAt, TriageClassifier Agency, TriageClassifier Category);

    /// <summary>What a page needs: the threshold, and the newest model if there is one.</summary>
    public sealed record State(double Threshold, Loaded? Model);

    public Task<State> CurrentAsync(CancellationToken cancellationToken) =>
        cache.GetOrCreateAsync(Region, "state", async ct =>
        {
            var threshold = await db.Set<TriageSettings>().AsNoTracking().Where(s => s.Id == 1).Select(s => (double?)s.Threshold).FirstOrDefaultAsync(ct)
                ?? TriageSettings.DefaultThreshold;
            var newest = await db.Set<TriageModel>().AsNoTracking().OrderByDescending(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
            return new State(threshold, newest is { } id ? await loaded.GetAsync(id, LoadAsync, ct) : null);
        }, cancellationToken);

    /// <summary>The text the models read, cut as in training.</summary>
    public string TextOf(string? title, string? body, string? location) =>
        TriageClassifier.TextOf(title, body is { } b && b.Length > options.Value.BodyCharacters ? b[..options.Value.BodyCharacters] : body, location);

    /// <summary>The form's advice for a report's text; no query once the state is cached.</summary>
    public async Task<TriageAdvice.Advice> AdviseAsync(string text, int? fallbackAgency, Func<int, bool> offered, int? currentCategory, CancellationToken cancellationToken)
    {
        var state = await CurrentAsync(cancellationToken);
        var prediction = state.Model is { } m ? new TriageAdvice.Prediction(m.Id, m.SampleSize, m.Agency.Rank(text), m.Category.Rank(text) is [var top, ..] ? top : null) : null;
        return TriageAdvice.Decide(prediction, options.Value.MinimumReports, state.Threshold, fallbackAgency, offered, currentCategory);
    }

    /// <summary>After a new model or threshold is saved: every instance reads the state again on its next page.</summary>
    public Task InvalidateAsync(CancellationToken cancellationToken) => cache.InvalidateAsync(Region, cancellationToken);

    private async Task<Loaded> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var row = await db.Set<TriageModel>().AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Id, m.SampleSize, m.TrainedAt, m.AgencyModel, m.CategoryModel }).FirstAsync(cancellationToken);
        return new Loaded(row.Id, row.SampleSize, row.TrainedAt, TriageClassifier.Load(row.AgencyModel), TriageClassifier.Load(row.CategoryModel));
    }
}

/// <summary>The one deserialized model of this instance (singleton), replaced only when a newer id is asked for.</summary>
public sealed class LoadedTriageModel : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TriageModels.Loaded? _current;

    public async Task<TriageModels.Loaded> GetAsync(int id, Func<int, CancellationToken, Task<TriageModels.Loaded>> load, CancellationToken cancellationToken)
    {
        if (_current is { } current && current.Id == id)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is not { } again || again.Id != id)
            {
                _current = await load(id, cancellationToken);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
