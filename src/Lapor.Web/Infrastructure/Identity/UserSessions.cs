using System.Security.Claims;
using System.Security.Cryptography;
using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Identity;

/// <summary>Starts, lists and ends the server-side sessions that sign-in cookies point to.</summary>
public sealed class UserSessions(LaporDbContext db, TimeProvider clock, IOptions<SecurityOptions> options)
{
    /// <summary>The claim in the sign-in cookie that names its <see cref="UserSession"/> row.</summary>
    public const string ClaimType = "lapor:sid";

    /// <summary>How stale "last seen" may be before a request writes it again.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    public static string? IdOf(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimType);

    /// <summary>Opens a row for a new sign-in from this browser and returns its id for the cookie.</summary>
    public async Task<string> StartAsync(string userId, HttpContext http)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), userId, http.Request.Headers.UserAgent.ToString(),
            RateLimitPolicies.ClientAddress(http), now, now + options.Value.Sessions.AbsoluteLifetime);
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    }

    /// <summary>The person's sessions that are still open, most recently used first.</summary>
    public async Task<List<UserSession>> OpenAsync(string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rows = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(s => s.LastSeenAt)];
    }

    /// <summary>Ends one of this person's sessions; false when it is not theirs or already ended.</summary>
    public async Task<bool> EndAsync(string userId, string sessionId)
    {
        var now = clock.GetUtcNow();
        return await db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now)) > 0;
    }

    /// <summary>Whether the session is (or was) one of this person's.</summary>
    public Task<bool> BelongsToAsync(string userId, string sessionId) =>
        db.UserSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId);

    /// <summary>Ends every open session of the person: the cookies they point to stop working on the next request.</summary>
    public async Task<int> EndAllAsync(string userId)
    {
        var now = clock.GetUtcNow();
        return await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
    }

    /// <summary>
    /// The per-request check: one query reads the session with its account's security stamp, and with the
    /// account's unread in-app notices (the navigation bar's count, so a signed-in page needs no second
    /// statement for it). Valid only while the row is open and the stamp in the cookie is the account's
    /// current one: nothing here is cached, so a sign-out, password change or deactivation counts at once.
    /// </summary>
    public async Task<Check> CheckAsync(string userId, string sessionId, string? securityStamp)
    {
        var now = clock.GetUtcNow();
        var found = await FindSession(db, sessionId, userId);
        if (found is null || found.EndedAt is not null || found.ExpiresAt <= now || found.IsDisabled || found.SecurityStamp != securityStamp)
        {
            return Check.Refused;
        }

        if (now - found.LastSeenAt > LastSeenResolution)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        }

        return new Check(true, found.Unread);
    }

    // Compiled once: this runs on every signed-in request, and EF otherwise walks and hashes the expression each time
    // to find its cached plan (bench/README.md, tenth round).
    private static readonly Func<LaporDbContext, string, string, Task<SessionState?>> FindSession = EF.CompileAsyncQuery(
        (LaporDbContext db, string sessionId, string userId) => db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new SessionState(
                s.EndedAt, s.ExpiresAt, s.LastSeenAt, u.SecurityStamp, u.IsDisabled,
                db.StaffNotifications.Count(n => n.UserId == s.UserId && n.ReadAt == null)))
            .FirstOrDefault());

    private sealed record SessionState(
        DateTimeOffset? EndedAt, DateTimeOffset ExpiresAt, DateTimeOffset LastSeenAt, string? SecurityStamp, bool IsDisabled, int Unread);

    /// <summary>The outcome of <see cref="CheckAsync"/>: whether the cookie may stay, and the account's unread notices when it may.</summary>
    public sealed record Check(bool IsValid, int UnreadNotices)
    {
        public static readonly Check Refused = new(false, 0);
    }
}
