namespace Lapor.Web.Infrastructure.Identity;

/// <summary>
/// The signed-in account's unread in-app notices as read by this request's session check
/// (<see cref="SessionValidator"/>), so the navigation bar's count costs no statement of its own.
/// </summary>
public static class UnreadNotices
{
    private static readonly object Key = new();

    public static void Remember(HttpContext http, int count) => http.Items[Key] = count;

    /// <summary>The count read at the start of this request, or null when no session check ran (then the caller counts).</summary>
    public static int? Of(HttpContext http) => http.Items.TryGetValue(Key, out var count) ? (int?)count : null;
}
