
namespace Lapor.Web.Domain.Accounts;

/// <summary>
/// One signed-in browser. The sign-in cookie names its row, and every request checks that the row is
/// still open, so signing out, a password or second-factor change, or "sign out everywhere" ends a
/// copied cookie at once on every instance (ASVS 7.4.1), and no session outlives its absolute lifetime.
/// </summary>
public sealed class UserSession
{
    private UserSession() { }

    public UserSession(string id, string userId, string device, string address, DateTimeOffset startedAt, DateTimeOffset expiresAt)
    {
        Id = id;
        UserId = userId;
        Device = device.Length > MaxDeviceLength ? device[..MaxDeviceLength] : device;
        Address = address;
        StartedAt = startedAt;
        LastSeenAt = startedAt;
        ExpiresAt = expiresAt;
    }

    public const int MaxDeviceLength = 256;

    /// <summary>Random, 128 bits: the value the cookie carries as its session claim.</summary>
    public string Id { get; private set; } = "";

    public string UserId { get; private set; } = "";

    /// <summary>The browser's User-Agent (shortened), to let the person recognise their devices.</summary>
    public string Device { get; private set; } = "";

    /// <summary>The client address at sign-in.</summary>
    public string Address { get; private set; } = "";

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>Updated at most once a minute: enough to tell the person when a device was last used.</summary>
    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>The absolute end, whatever the sliding cookie says.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsOpenAt(DateTimeOffset now) => EndedAt is null && ExpiresAt > now;
}
