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
        var values = new Remembered(QueryHelpers.ParseQuery(Recall(http)));
        return new CoordinatorQueue.Filter
        {
            Tab = values.Enum<CoordinatorQueue.Tab>(nameof(CoordinatorQueue.Filter.Tab)) ?? CoordinatorQueue.Tab.New,
            Q = values.Get(nameof(CoordinatorQueue.Filter.Q)),
            CategoryId = values.Number(nameof(CoordinatorQueue.Filter.CategoryId)),
            Channel = values.Enum<Channel>(nameof(CoordinatorQueue.Filter.Channel)),
            TargetAgencyId = values.Number(nameof(CoordinatorQueue.Filter.TargetAgencyId)),
            OlderThan = values.Number(nameof(CoordinatorQueue.Filter.OlderThan)),
        };
    }

    /// <summary>The remembered list as the agency inbox reads it; unknown or garbled values fall back to the defaults.</summary>
    public static AgencyInbox.Filter Filter(HttpContext http)
    {
        var values = new Remembered(QueryHelpers.ParseQuery(Recall(http)));
        return new AgencyInbox.Filter
        {
            Tab = values.Enum<AssignmentState>(nameof(AgencyInbox.Filter.Tab)) ?? AssignmentState.Dispositioned,
            Owner = values.Enum<InboxOwner>(nameof(AgencyInbox.Filter.Owner)) ?? InboxOwner.All,
            Sort = values.Enum<InboxSort>(nameof(AgencyInbox.Filter.Sort)) ?? InboxSort.Oldest,
            Classification = values.Enum<Classification>(nameof(AgencyInbox.Filter.Classification)),
            Channel = values.Enum<Channel>(nameof(AgencyInbox.Filter.Channel)),
            CategoryId = values.Number(nameof(AgencyInbox.Filter.CategoryId)),
            From = values.Day(nameof(AgencyInbox.Filter.From)),
            To = values.Day(nameof(AgencyInbox.Filter.To)),
            Overdue = bool.TryParse(values.Get(nameof(AgencyInbox.Filter.Overdue)), out var o) && o,
            Q = values.Get(nameof(AgencyInbox.Filter.Q)),
        };
    }

    /// <summary>The remembered query's values; a value that does not parse reads as absent.</summary>
    private readonly record struct Remembered(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Values)
    {
        public string? Get(string name) => Values.TryGetValue(name, out var v) ? v.ToString() : null;

        public T? Enum<T>(string name) where T : struct, System.Enum => System.Enum.TryParse<T>(Get(name), out var e) && System.Enum.IsDefined(e) ? e : null;

        public int? Number(string name) => int.TryParse(Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

        public DateOnly? Day(string name) => DateOnly.TryParseExact(Get(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
