namespace Lapor.Web.Domain.Reports;

/// <summary>
/// Who performs a transition: an account (or none, for guests and the system), the role acted in,
/// and for officers the agencies they work for (the report decides for which one they act).
/// </summary>
public sealed record Actor(string? UserId, ActorRole Role)
{
    public static Actor System { get; } = new(null, ActorRole.System);

    public static Actor Guest { get; } = new(null, ActorRole.Citizen);

    public IReadOnlyCollection<int> Agencies { get; init; } = [];

    public static Actor Officer(string userId, IReadOnlyCollection<int> agencies) => new(userId, ActorRole.Officer) { Agencies = agencies };
}
