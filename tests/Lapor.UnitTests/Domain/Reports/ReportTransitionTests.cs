using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using static Lapor.UnitTests.Builders.ReportBuilder;

namespace Lapor.UnitTests.Domain.Reports;

/// <summary>The aggregate enforces the lifecycle table: every action the table refuses in a status throws, and changes nothing.</summary>
public sealed class ReportTransitionTests
{
    private static readonly DateTimeOffset Later = Monday.AddDays(1);

    private static readonly Dictionary<RoutingAction, Action<Report>> Invoke = new()
    {
        [RoutingAction.Verify] = r => r.Verify(Coordinator, [30], ComplaintKind.Ordinary, null, null, Schedule, Later),
        [RoutingAction.Hold] = r => r.Hold(Coordinator, "Pertanyaan", Later),
        [RoutingAction.AddInformation] = r => r.AddInformation(Reporter, "Jawaban", Schedule, Later),
        [RoutingAction.ExpireHold] = r => r.ExpireHold(Later),
        [RoutingAction.Archive] = r => r.Archive(Coordinator, ArchiveReason.Spam, "Spam", null, Later),
        [RoutingAction.Restore] = r => r.Restore(Coordinator, "Salah arsip", Schedule, Later),
        [RoutingAction.Return] = r => r.Return(Officer, "Bukan kewenangan", Schedule, Later),
        [RoutingAction.Delegate] = r => r.Forward(OfficerOf(AgencyA), new AgencyRef(30, AgencyA), "Ke bidang", Schedule, Later),
        [RoutingAction.Refer] = r => r.Forward(OfficerOf(AgencyA), new AgencyRef(30, null), "Ke dinas lain", Schedule, Later),
        [RoutingAction.FirstResponse] = r => r.Respond(OfficerOf(AgencyA), "Tanggapan", MessageVisibility.Public, Schedule, Later),
        [RoutingAction.Note] = r => r.AddNote(OfficerOf(AgencyA), "Catatan", Later),
        [RoutingAction.RequestInformation] = r => r.RequestInformation(OfficerOf(AgencyA), "Mohon foto", Later),
        [RoutingAction.ReporterReply] = r => r.ReporterReply(Reporter, "Ini fotonya", Schedule, Later),
        [RoutingAction.FinalResponse] = r => r.RespondFinal(OfficerOf(AgencyA), "Selesai", MessageVisibility.Public, Schedule, Later),
        [RoutingAction.Accept] = r => r.Accept(Reporter, Schedule, Later),
        [RoutingAction.Reject] = r => r.Reject(Reporter, "Belum beres", Later),
        [RoutingAction.AutoComplete] = r => r.AutoComplete(Schedule, Later.AddDays(30)),
        [RoutingAction.Reopen] = r => r.Reopen(Coordinator, "Muncul lagi", Schedule, Later),
    };

    public static TheoryData<ReportStatus, RoutingAction> RefusedPairs()
    {
        var data = new TheoryData<ReportStatus, RoutingAction>();
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            foreach (var action in Invoke.Keys.Where(a => !ReportLifecycle.Can(status, a)))
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    public static TheoryData<ReportStatus, RoutingAction> AllowedPairs()
    {
        var data = new TheoryData<ReportStatus, RoutingAction>();
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            foreach (var action in Invoke.Keys.Where(a => ReportLifecycle.Can(status, a)))
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedPairs))]
    public void Action_NotAllowedInStatus_ThrowsAndChangesNothing(ReportStatus status, RoutingAction action)
    {
        var report = In(status);
        var (version, entries, messages) = (report.Version, report.Routing.Count, report.Messages.Count);

        var error = Assert.Throws<DomainException>(() => Invoke[action](report));

        Assert.Equal("Lifecycle.NotAllowed", error.Code);
        Assert.Equal((status, version, entries, messages), (report.Status, report.Version, report.Routing.Count, report.Messages.Count));
    }

    [Theory]
    [MemberData(nameof(AllowedPairs))]
    public void Action_AllowedInStatus_EitherMovesWithOneHistoryEntryOrNamesTheMissingPrecondition(ReportStatus status, RoutingAction action)
    {
        var report = In(status);
        var entries = report.Routing.Count;

        try
        {
            Invoke[action](report);
        }
        catch (DomainException error)
        {
            // Allowed by status but not by the assignments (e.g. accepting before any final response).
            Assert.NotEqual("Lifecycle.NotAllowed", error.Code);
            Assert.Equal(entries, report.Routing.Count);
            return;
        }

        Assert.Equal(entries + 1, report.Routing.Count);
        Assert.Equal(action, report.Routing[^1].Action);
        Assert.Equal(report.Status, report.Routing[^1].ToStatus);
    }
}
