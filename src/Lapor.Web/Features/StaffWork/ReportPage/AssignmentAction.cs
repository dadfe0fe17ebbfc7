namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>
/// A steering action on one of the agencies working the report (withdraw it, remind it), as the
/// _AssignmentAction partial draws it: Action names the StaffActions action, Route its last path
/// segment (which names its draft), Id the prefix of the form's element ids.
/// </summary>
public sealed record AssignmentAction(ReportDetail.Page Page, string Action, string Route, string Id, string LabelKey, string TextKey)
{
    /// <summary>Taking work away from an agency: the button is drawn as a danger.</summary>
    public bool Danger { get; init; }
}
