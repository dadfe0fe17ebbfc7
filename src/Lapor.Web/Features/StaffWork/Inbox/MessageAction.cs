
namespace Lapor.Web.Features.StaffWork.Inbox;

/// <summary>One of the message-shaped actions (hold, respond, note…) as the _MessageAction partial draws it.</summary>
public sealed record MessageAction(
    string TrackingNumber, string Route, string LabelKey, string HelpKey, int Version, string? Draft, bool OfferPublic,
    IReadOnlyList<Templates.ResponseTemplates.Item>? Templates = null)
{
    /// <summary>The form also takes photos or PDFs (a final response's evidence), so it is sent as multipart.</summary>
    public bool AcceptsFiles { get; init; }
}

/// <summary>What the user typed into a form whose action failed, so the page can give it back.</summary>
public sealed record Draft(string? Route, string? Text)
{
    public string? For(string route) => Route == route ? Text : null;
}
