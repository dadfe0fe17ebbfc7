namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>
/// One of the message-shaped actions (hold, respond, note…) as the _MessageAction partial draws it:
/// Action names the StaffActions action it posts to; Route is that action's last path segment, which
/// names the form's fields and its draft (see WorkFeedback).
/// </summary>
public sealed record MessageAction(
    string TrackingNumber, string Action, string Route, string LabelKey, string HelpKey, int Version, string? Draft, bool OfferPublic,
    IReadOnlyList<Templates.ResponseTemplates.Item>? Templates = null)
{
    /// <summary>The form also takes photos or PDFs (a final response's evidence), so it is sent as multipart.</summary>
    public bool AcceptsFiles { get; init; }

    /// <summary>Offers "simpan &amp; berikutnya" beside the plain save: the officer's answers, worked through a list.</summary>
    public bool OfferNext { get; init; }
}
