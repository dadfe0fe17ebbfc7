namespace Lapor.Web.Domain.Triage;

/// <summary>
/// The administrator's threshold for pre-selecting a suggestion, and the claim that makes one
/// instance at a time train. One row; absent until first saved or claimed (then the defaults hold).
/// </summary>
public sealed class TriageSettings
{
    public const double DefaultThreshold = 0.6;

    public int Id { get; private set; } = 1;

    /// <summary>A suggestion is pre-selected only when its confidence is at least this (0..1).</summary>
    public double Threshold { get; private set; } = DefaultThreshold;

    /// <summary>The instance training now, until <see cref="TrainingClaimedUntil"/>.</summary>
    public string? TrainingClaimedBy { get; private set; }

    public DateTimeOffset? TrainingClaimedUntil { get; private set; }

    public static bool IsValidThreshold(double threshold) => threshold is >= 0.05 and <= 1.0;

    public void SetThreshold(double threshold)
    {
        if (!IsValidThreshold(threshold))
        {
            throw new DomainException("Triage.ThresholdRange");
        }

        Threshold = Math.Round(threshold, 2);
    }
}
