using Lapor.UnitTests.Support;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Features.Shared.Workflow;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Lapor.UnitTests.Features.Shared;

/// <summary>Which events of a history are Open311 updates, and with which text: the public page's rule, tried with what must never come out.</summary>
public sealed class StatusUpdatesTests
{
    private const string Number = "LPR-UJI1-0001";
    private const int Dpu = 7;
    private const string DpuName = "Dinas Pekerjaan Umum";
    private static readonly DateTimeOffset At = new(2026, 9, 21, 2, 0, 0, TimeSpan.Zero);

    private static readonly StatusUpdates Updates = new(new HistorySentences(Localizer.Create("id")), new LocalTime(Options.Create(new DeadlineOptions())));

    [Fact]
    public void ResponseWithoutAStatusChange_IsAnUpdate_WithItsPublicText_Once()
    {
        var updates = Updates.From(History(
            [
                Entry(1, RoutingAction.Submit, null, ReportStatus.Unverified, 0),
                Entry(2, RoutingAction.Verify, ReportStatus.Unverified, ReportStatus.Dispositioned, 1),
                Entry(3, RoutingAction.FirstResponse, ReportStatus.Dispositioned, ReportStatus.InProgress, 2),
                Entry(4, RoutingAction.FirstResponse, ReportStatus.InProgress, ReportStatus.InProgress, 3),
            ],
            [Answer(MessageKind.Response, 2, "Sedang kami kerjakan.", true), Answer(MessageKind.Response, 3, "Petugas sudah survei lokasi.", true)]));

        Assert.Equal([2L, 3, 4], updates.Select(u => u.EntryId));
        Assert.Equal("Petugas sudah survei lokasi.", updates[^1].Update.Description);
        Assert.Equal("in_progress", updates[^1].Update.Status);
        Assert.Equal($"{Number}-{At.AddHours(3).ToUnixTimeMilliseconds()}", updates[^1].Update.UpdateId);
    }

    [Fact]
    public void AnswerNotPublic_IsToldAsTheTimelineSaysIt_NeverAnOlderPublicOne()
    {
        var updates = Updates.From(History(
            [
                Entry(1, RoutingAction.FirstResponse, ReportStatus.Dispositioned, ReportStatus.InProgress, 1),
                Entry(2, RoutingAction.FirstResponse, ReportStatus.InProgress, ReportStatus.InProgress, 2),
            ],
            [Answer(MessageKind.Response, 1, "Jawaban publik.", true), Answer(MessageKind.Response, 2, "KANARI hanya untuk pelapor", false)]));

        Assert.Equal("Jawaban publik.", updates[0].Update.Description);
        Assert.DoesNotContain("KANARI", updates[1].Update.Description, StringComparison.Ordinal);
        Assert.NotEqual("Jawaban publik.", updates[1].Update.Description);
        Assert.Contains(DpuName, updates[1].Update.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void NotesRefusalsAndReasons_NeverComeOut_QuestionsAreTheTimelinesSentence()
    {
        var updates = Updates.From(History(
            [
                Entry(1, RoutingAction.Note, ReportStatus.InProgress, ReportStatus.InProgress, 1, "KANARI catatan"),
                Entry(2, RoutingAction.RequestInformation, ReportStatus.InProgress, ReportStatus.InProgress, 2),
                Entry(3, RoutingAction.Refer, ReportStatus.InProgress, ReportStatus.InProgress, 3, "KANARI alasan terusan"),
                Entry(4, RoutingAction.Entrust, ReportStatus.InProgress, ReportStatus.InProgress, 4, "KANARI pemilik"),
            ],
            []));

        Assert.Equal([2L, 3], updates.Select(u => u.EntryId));
        Assert.All(updates, u => Assert.DoesNotContain("KANARI", u.Update.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void HeldFinalResponse_IsNoUpdate_UntilValidated_ThenWithItsText()
    {
        List<HistoryEntry> entries =
        [
            Entry(1, RoutingAction.FinalResponse, ReportStatus.InProgress, ReportStatus.InProgress, 1),
        ];
        var held = Updates.From(new StatusUpdates.ReportHistory(Number, entries, [Answer(MessageKind.FinalResponse, 1, "KANARI belum divalidasi", false)], [DpuName]));
        Assert.Empty(held);

        entries.Add(Entry(2, RoutingAction.ValidateFinal, ReportStatus.InProgress, ReportStatus.InProgress, 5));
        var validated = Updates.From(new StatusUpdates.ReportHistory(Number, entries, [Answer(MessageKind.FinalResponse, 1, "Jalan sudah diaspal.", true)], []));

        var update = Assert.Single(validated);
        Assert.Equal(2, update.EntryId);
        Assert.Equal(At.AddHours(5), update.At);
        Assert.Equal("Jalan sudah diaspal.", update.Update.Description);
    }

    [Fact]
    public void TwoPublicEventsAtOneInstant_HaveTwoIds()
    {
        var updates = Updates.From(History(
            [
                Entry(1, RoutingAction.Accept, ReportStatus.InProgress, ReportStatus.Completed, 1),
                Entry(2, RoutingAction.Rate, ReportStatus.Completed, ReportStatus.Completed, 1),
            ],
            []));

        Assert.Equal([$"{Number}-{At.AddHours(1).ToUnixTimeMilliseconds()}", $"{Number}-{At.AddHours(1).ToUnixTimeMilliseconds()}-2"], updates.Select(u => u.Update.UpdateId));
    }

    private static StatusUpdates.ReportHistory History(List<HistoryEntry> entries, List<StatusUpdates.Answer> answers) => new(Number, entries, answers, []);

    private static HistoryEntry Entry(long id, RoutingAction action, ReportStatus? from, ReportStatus to, int hours, string? reason = null) =>
        new(At.AddHours(hours), action, ActorRole.Officer, from, to, null, DpuName, reason) { Id = id, ToAgencyId = Dpu };

    private static StatusUpdates.Answer Answer(MessageKind kind, int hours, string body, bool isPublic) => new(kind, Dpu, At.AddHours(hours), body, isPublic);
}
