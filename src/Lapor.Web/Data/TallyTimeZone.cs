namespace Lapor.Web.Data;

/// <summary>
/// The deployment's time zone as the dashboard tally needs it (the local day of a completion decides its month),
/// registered from Deadlines:TimeZone by the deadline services; the context falls back to Asia/Jakarta where
/// it runs without them (design-time tools).
/// </summary>
public sealed record TallyTimeZone(TimeZoneInfo Zone)
{
    public static TallyTimeZone Default { get; } = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
}
