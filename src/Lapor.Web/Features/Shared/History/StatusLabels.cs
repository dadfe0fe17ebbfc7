using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Features.Shared.History;

/// <summary>Who reads a page: staff, or citizens (the reporter and the public).</summary>
public enum Audience
{
    /// <summary>Official status names (Status.*), reasons as written, roles.</summary>
    Staff,

    /// <summary>Plain status labels (CitizenStatus.*), no free text written by staff or reporters.</summary>
    Citizen,
}

/// <summary>
/// A status as its reader says it: staff keep the official LAPOR! names ("Terdisposisi – Belum
/// Ditindaklanjuti"), citizens read what it means for them ("Sedang diteruskan ke instansi").
/// One colour per status for both.
/// </summary>
public static class StatusLabels
{
    public static string Key(ReportStatus status, Audience audience) =>
        audience == Audience.Citizen ? $"CitizenStatus.{status}" : $"Status.{status}";

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
