using System.Globalization;
using Lapor.Web.Domain.Reports;
using Microsoft.AspNetCore.WebUtilities;

namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>
/// The list a staff member last looked at (tab, filters, sort and page), kept in a cookie for the /inbox
/// path: the report page's "back to the list" and "save &amp; next" return to it, in whichever order the
/// report was reached, without every form on the report page having to carry it.
/// </summary>
public static class InboxMemory
{
    public const string CookieName = "lapor.daftar";
    private const int MaxLength = 1000;

    public static void Remember(HttpContext http)
    {
        var query = http.Request.QueryString.Value ?? "";
        if (query.Length <= MaxLength)
        {
            http.Response.Cookies.Append(CookieName, query, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Path = "/inbox",
                IsEssential = true,
            });
        }
    }

    /// <summary>The remembered query string ("?Tab=…"), or empty for the list's first page.</summary>
    public static string Recall(HttpContext http) =>
        http.Request.Cookies[CookieName] is { Length: > 1 and <= MaxLength } query && query[0] == '?' ? query : "";

    /// <summary>The remembered list as the coordinator's queue reads it; unknown or garbled values fall back to the defaults.</summary>
    public static CoordinatorQueue.Filter QueueFilter(HttpContext http)
    {
        var values = QueryHelpers.ParseQuery(Recall(http));
        string? Get(string name) => values.TryGetValue(name, out var v) ? v.ToString() : null;
        int? Number(string name) => int.TryParse(Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new CoordinatorQueue.Filter
        {
            Tab = System.Enum.TryParse<CoordinatorQueue.Tab>(Get(nameof(CoordinatorQueue.Filter.Tab)), out var tab) && System.Enum.IsDefined(tab) ? tab : CoordinatorQueue.Tab.New,
            Q = Get(nameof(CoordinatorQueue.Filter.Q)),
            CategoryId = Number(nameof(CoordinatorQueue.Filter.CategoryId)),
            Channel = System.Enum.TryParse<Channel>(Get(nameof(CoordinatorQueue.Filter.Channel)), out var channel) && System.Enum.IsDefined(channel) ? channel : null,
            TargetAgencyId = Number(nameof(CoordinatorQueue.Filter.TargetAgencyId)),
            OlderThan = Number(nameof(CoordinatorQueue.Filter.OlderThan)),
        };
    }

    /// <summary>The remembered list as the agency inbox reads it; unknown or garbled values fall back to the defaults.</summary>
    public static AgencyInbox.Filter Filter(HttpContext http)
    {
        var values = QueryHelpers.ParseQuery(Recall(http));
        string? Get(string name) => values.TryGetValue(name, out var v) ? v.ToString() : null;
        T? Enum<T>(string name) where T : struct, System.Enum => System.Enum.TryParse<T>(Get(name), out var e) && System.Enum.IsDefined(e) ? e : null;
        DateOnly? Day(string name) => DateOnly.TryParseExact(Get(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new AgencyInbox.Filter
        {
            Tab = Enum<AssignmentState>(nameof(AgencyInbox.Filter.Tab)) ?? AssignmentState.Dispositioned,
            Owner = Enum<InboxOwner>(nameof(AgencyInbox.Filter.Owner)) ?? InboxOwner.All,
            Sort = Enum<InboxSort>(nameof(AgencyInbox.Filter.Sort)) ?? InboxSort.Oldest,
            Classification = Enum<Classification>(nameof(AgencyInbox.Filter.Classification)),
            Channel = Enum<Channel>(nameof(AgencyInbox.Filter.Channel)),
            CategoryId = int.TryParse(Get(nameof(AgencyInbox.Filter.CategoryId)), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null,
            From = Day(nameof(AgencyInbox.Filter.From)),
            To = Day(nameof(AgencyInbox.Filter.To)),
            Overdue = bool.TryParse(Get(nameof(AgencyInbox.Filter.Overdue)), out var o) && o,
            Q = Get(nameof(AgencyInbox.Filter.Q)),
        };
    }
}
