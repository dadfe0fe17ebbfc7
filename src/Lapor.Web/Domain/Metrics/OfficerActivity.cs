namespace Lapor.Web.Domain.Metrics;

/// <summary>
/// What the evidence pack calls an active liaison officer, and a connected agency. An officer is active in a
/// period when their account is enabled and, on one of the period's days, they signed in or acted on a report
/// (wrote a response or note, took, forwarded or returned a report). An agency is connected when at least one
/// enabled officer account works its inbox (the dashboard's "keterhubungan", <see cref="Rates.OfAgencies"/>).
/// </summary>
public static class OfficerActivity
{
    public static bool IsActive(bool enabled, int signIns, int actions) => enabled && (signIns > 0 || actions > 0);

    public static bool IsConnected(IEnumerable<bool> officersEnabled) => officersEnabled.Any(enabled => enabled);
}
