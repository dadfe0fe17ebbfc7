namespace Lapor.Web.Domain.Reports;

/// <summary>Who performs a transition: an account (or none, for guests and the system) and the role acted in.</summary>
public sealed record Actor(string? UserId, ActorRole Role)
{
    public static Actor System { get; } = new(null, ActorRole.System);

    public static Actor Guest { get; } = new(null, ActorRole.Citizen);
}
