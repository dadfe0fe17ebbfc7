using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Features.Shared.History;

/// <summary>Who reads a page: staff, the reporter, or the public.</summary>
public enum Audience
{
    /// <summary>Official status names (Status.*), reasons as written, roles.</summary>
    Staff,

    /// <summary>The reporter: plain status labels (CitizenStatus.*) that speak to them, no free text written by staff or reporters.</summary>
    Citizen,

    /// <summary>Anyone else (the public portal, a tracking number without its code, Open311 apps): as <see cref="Citizen"/>, but the reporter is "pelapor", not "Anda".</summary>
    Public,
}

/// <summary>
/// A status as its reader says it: staff keep the official LAPOR! names ("Terdisposisi – Belum
/// Ditindaklanjuti"), citizens read what it means for them ("Sedang diteruskan ke instansi").
/// One colour per status for both.
/// </summary>
public static class StatusLabels
{
    public static string Key(ReportStatus status, Audience audience) => audience switch
    {
        Audience.Staff => $"Status.{status}",

        // Only "waiting for your information" addresses the reporter; the public reads it about them.
        Audience.Public when status == ReportStatus.OnHold => "PublicStatus.OnHold",
        _ => $"CitizenStatus.{status}",
    };

    /// <summary>The sentence under a citizen page's status: the public's speaks of the reporter where the reporter's speaks to them.</summary>
    public static string ExplainKey(ReportStatus status, Audience audience) =>
        audience == Audience.Public && status is ReportStatus.OnHold or ReportStatus.InProgress ? $"PublicStatus.{status}.Explain" : $"Status.{status}.Explain";

    public static string BadgeCss(ReportStatus status) => status switch
    {
        ReportStatus.Completed => "text-bg-success",
        ReportStatus.Archived => "text-bg-secondary",
        ReportStatus.OnHold => "text-bg-warning",
        ReportStatus.InProgress => "text-bg-primary",
        ReportStatus.Dispositioned => "text-bg-info",
        _ => "text-bg-light border",
    };
}
