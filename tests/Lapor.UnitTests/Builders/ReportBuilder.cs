using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Builders;

/// <summary>Real reports, moved into a status through the domain's own methods.</summary>
public static class ReportBuilder
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero); // 09:00 WIB
    public static readonly Actor Coordinator = new("coordinator", ActorRole.Coordinator);
    public static readonly Actor Officer = Actor.Officer("officer", [AgencyA]);
    public static readonly Actor Reporter = new("citizen", ActorRole.Citizen);
    public const int AgencyA = 10;
    public const int AgencyB = 20;

    /// <summary>A liaison officer of the given agency.</summary>
    public static Actor OfficerOf(int agencyId) => Actor.Officer("officer", [agencyId]);

    public static DeadlineSchedule Schedule { get; } =
        new(WorkingDayCalendar.WeekendsOnly, DeadlinePolicy.Default, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

    public static Report Submitted(Classification classification = Classification.Complaint) =>
        Report.Submit(
            new ReportDraft(classification, "Jalan berlubang di Jl. Merdeka", "Lubang besar di depan pasar.", null, null, null, null, null, null, false, false),
            Reporter, Channel.Web, Guid.NewGuid(), null, Schedule, Monday);

    /// <summary>A report in the given status; Dispositioned and later are routed to agency A (and B when asked).</summary>
    public static Report In(ReportStatus status, bool twoAgencies = false)
    {
        var report = Submitted();
        var at = Monday.AddHours(1);
        switch (status)
        {
            case ReportStatus.Unverified:
                return report;
            case ReportStatus.OnHold:
                report.Hold(Coordinator, "Mohon lengkapi alamat.", at);
                return report;
            case ReportStatus.Archived:
                report.Archive(Coordinator, ArchiveReason.Spam, "Promosi.", null, at);
                return report;
        }

        report.Verify(Coordinator, twoAgencies ? [AgencyA, AgencyB] : [AgencyA], ComplaintKind.Ordinary, null, null, Schedule, at);
        if (status == ReportStatus.Dispositioned)
        {
            return report;
        }

        report.Respond(OfficerOf(AgencyA), "Sedang kami tangani.", MessageVisibility.Public, Schedule, at.AddHours(1));
        if (status == ReportStatus.InProgress)
        {
            return report;
        }

        report.RespondFinal(OfficerOf(AgencyA), "Sudah diperbaiki.", MessageVisibility.Public, Schedule, at.AddHours(2));
        report.Accept(Reporter, Schedule, at.AddHours(3));
        return report;
    }
}
