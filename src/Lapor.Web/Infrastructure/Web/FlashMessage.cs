namespace Lapor.Web.Infrastructure.Web;

/// <summary>TempData keys for one-shot messages shown by the layout after a redirect.</summary>
public static class FlashMessage
{
    public const string SuccessKey = "flash.success";
    public const string ErrorKey = "flash.error";

    /// <summary>The longest text any of the report forms takes (a message: 5000 characters).</summary>
    public const int MaxDraftLength = 5000;

    /// <summary>
    /// What the user typed, to hand back after a refused action, cut at the longest text a form takes. TempData
    /// travels in a cookie: a pasted megabyte kept whole would come back on every request, evict the sign-in cookie
    /// from the browser's jar or be refused by the server as too large a header, and lock the user out.
    /// </summary>
    public static string? Draft(string? typed) => typed is { Length: > MaxDraftLength } ? typed[..MaxDraftLength] : typed;
}
