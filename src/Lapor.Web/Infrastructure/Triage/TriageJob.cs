using Lapor.Web.Data;
using Lapor.Web.Domain.Triage;
using Lapor.Web.Infrastructure.Jobs;
using Lapor.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Triage;

/// <summary>
/// Trains the suggestion models again, nightly or when an administrator asks. One instance at a time:
/// it claims the settings row for half an hour (as the outbox claims its rows), so two instances
/// waking together do not both train; the claim lapses by itself if an instance dies while training.
/// </summary>
public sealed class TriageJob(
    LaporDbContext db, TriageTrainer trainer, TriageModels models, LocalTime local, IOptions<TriageOptions> options, TimeProvider clock)
    : IPeriodicJob
{
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromMinutes(30);
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public enum Outcome
    {
        Trained,
        TooLittleHistory,
        Busy,
        NotDue,
    }

    /// <summary>The nightly run: trains when inside the quiet hours and the newest model is old enough; returns 1 when it trained.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var hour = (int)(now - local.At(local.Date(now), TimeOnly.MinValue)).TotalHours;
        if (hour < o.NightlyFromHour || hour >= o.NightlyUntilHour)
        {
            return 0;
        }

        var newest = await db.Set<TriageModel>().AsNoTracking().OrderByDescending(m => m.Id).Select(m => (DateTimeOffset?)m.TrainedAt).FirstOrDefaultAsync(cancellationToken);
        if (newest is { } at && now - at < o.RetrainAfter)
        {
            return 0;
        }

        return await TrainAsync(null, cancellationToken) == Outcome.Trained ? 1 : 0;
    }

    /// <summary>Trains now if no other instance is training; <paramref name="adminId"/> is null for the nightly run.</summary>
    public async Task<Outcome> TrainAsync(string? adminId, CancellationToken cancellationToken)
    {
        if (!await ClaimAsync(cancellationToken))
        {
            return Outcome.Busy;
        }

        try
        {
            var model = await trainer.TrainAsync(adminId, cancellationToken);
            if (model is null)
            {
                return Outcome.TooLittleHistory;
            }

            await models.InvalidateAsync(cancellationToken);
            return Outcome.Trained;
        }
        finally
        {
            await db.Set<TriageSettings>().Where(s => s.Id == 1 && s.TrainingClaimedBy == _instance)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.TrainingClaimedBy, (string?)null).SetProperty(s => s.TrainingClaimedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
    }

    private async Task<bool> ClaimAsync(CancellationToken cancellationToken)
    {
        await TriageSettingsRow.EnsureAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var until = now.Add(ClaimLifetime);
        return await db.Set<TriageSettings>()
            .Where(s => s.Id == 1 && (s.TrainingClaimedUntil == null || s.TrainingClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.TrainingClaimedBy, _instance).SetProperty(s => s.TrainingClaimedUntil, until), cancellationToken) == 1;
    }
}

/// <summary>The settings row is created on first use (with the defaults); two instances creating it at once is harmless.</summary>
public static class TriageSettingsRow
{
    public static async Task EnsureAsync(LaporDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<TriageSettings>().AnyAsync(s => s.Id == 1, cancellationToken))
        {
            return;
        }

        var row = new TriageSettings();
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance created it between the look and the insert.
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
