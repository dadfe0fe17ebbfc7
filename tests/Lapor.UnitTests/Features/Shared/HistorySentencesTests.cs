using System.Text.RegularExpressions;
using Lapor.UnitTests.Support;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.History;
using Lapor.Web.Infrastructure.Caching;

namespace Lapor.UnitTests.Features.Shared;

public sealed class HistorySentencesTests
{
    private const string Dishub = "Dinas Perhubungan";
    private const string Dpu = "Dinas Pekerjaan Umum";
    private const string StaffWords = "KANARI alasan petugas";
    private static readonly DateTimeOffset Monday = new(2026, 9, 21, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, RoutingAction, Audience> EveryActionCultureAndAudience()
    {
        var data = new TheoryData<string, RoutingAction, Audience>();
        foreach (var culture in new[] { "id", "en" })
        {
            foreach (var action in Enum.GetValues<RoutingAction>())
            {
                data.Add(culture, action, Audience.Staff);
                data.Add(culture, action, Audience.Citizen);
            }
        }

        return data;
    }

    public static TheoryData<string, Deadline, EscalationRung> EveryEscalation()
    {
        var data = new TheoryData<string, Deadline, EscalationRung>();
        foreach (var culture in new[] { "id", "en" })
        {
            foreach (var deadline in Enum.GetValues<Deadline>())
            {
                foreach (var rung in Enum.GetValues<EscalationRung>())
                {
                    data.Add(culture, deadline, rung);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryActionCultureAndAudience))]
    public void Sentence_EveryAction_HasItsOwnWordsAndNoCode(string culture, RoutingAction action, Audience audience)
    {
        var sentences = Sentences(culture);
        var reason = action switch
        {
            RoutingAction.Archive => nameof(ArchiveReason.NotPublicService),
            RoutingAction.Escalate => "Verify.Breach:2026-09-23",
            _ => StaffWords,
        };
        var role = action == RoutingAction.Escalate ? ActorRole.System : ActorRole.Coordinator;

        var text = sentences.Sentence(Entry(action, role, Dishub, Dpu, reason), audience);

        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.False(Localizer.Create(culture)[$"History.{action}"].ResourceNotFound, $"History.{action} is missing");
        AssertNoCode(text, action);
        Assert.DoesNotContain(nameof(ArchiveReason.NotPublicService), text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryEscalation))]
    public void Sentence_EveryEscalationCode_SaysDeadlineAndDueDateInWords(string culture, Deadline deadline, EscalationRung rung)
    {
        var sentences = Sentences(culture);
        var t = Localizer.Create(culture);

        var text = sentences.Sentence(Entry(RoutingAction.Escalate, ActorRole.System, Dpu, Dpu, $"{deadline}.{rung}:2026-09-23"), Audience.Staff);

        Assert.False(t[$"History.Escalate.{rung}"].ResourceNotFound, $"History.Escalate.{rung} is missing");
        Assert.Contains(t[$"Deadline.{deadline}"].Value, text, StringComparison.Ordinal);
        Assert.Contains("23 September 2026", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-09-23", text, StringComparison.Ordinal);
        Assert.DoesNotContain($"{deadline}.{rung}", text, StringComparison.Ordinal);
        AssertNoCode(text, RoutingAction.Escalate);
    }

    [Theory]
    [InlineData("id", "Tenggat verifikasi terlewati (tenggat 23 September 2026)")]
    [InlineData("en", "The verification deadline was missed (due 23 September 2026)")]
    public void Sentence_ReportEscalation_ReadsAsASentence(string culture, string expected)
    {
        var text = Sentences(culture).Sentence(Entry(RoutingAction.Escalate, ActorRole.System, null, null, "Verify.Breach:2026-09-23"), Audience.Citizen);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("id", "27 Oktober 2026")]
    [InlineData("en", "27 October 2026")]
    public void Sentence_DueDate_IsWrittenOutInTheReadersCulture(string culture, string date)
    {
        var text = Sentences(culture).Sentence(Entry(RoutingAction.Escalate, ActorRole.System, Dpu, Dpu, "Completion.ReporterOffer:2026-10-27"), Audience.Citizen);

        Assert.Contains(date, text, StringComparison.Ordinal);
        Assert.Contains(Dpu, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentence_Referral_NamesBothAgenciesAndTheReasonForStaff()
    {
        var text = Sentences().Sentence(Entry(RoutingAction.Refer, ActorRole.Officer, Dishub, Dpu, "Jalan kabupaten, bukan kewenangan kami."), Audience.Staff);

        Assert.Equal("Diteruskan ke Dinas Pekerjaan Umum oleh Dinas Perhubungan: Jalan kabupaten, bukan kewenangan kami.", text);
    }

    [Theory]
    [InlineData(RoutingAction.Refer)]
    [InlineData(RoutingAction.Return)]
    [InlineData(RoutingAction.Restore)]
    [InlineData(RoutingAction.Reopen)]
    [InlineData(RoutingAction.Reject)]
    [InlineData(RoutingAction.Hold)]
    public void Sentence_ForCitizens_LeavesOutWhatPeopleWrote(RoutingAction action)
    {
        var text = Sentences().Sentence(Entry(action, ActorRole.Officer, Dishub, Dpu, StaffWords), Audience.Citizen);

        Assert.DoesNotContain("KANARI", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentence_ReporterAsksCoordinator_SaysSoWithTheirWordsForStaffOnly()
    {
        var entry = Entry(RoutingAction.Escalate, ActorRole.Citizen, null, null, "Sudah lewat batas waktu: mohon dibantu.");

        Assert.Equal("Pelapor meminta admin koordinator turun tangan: Sudah lewat batas waktu: mohon dibantu.", Sentences().Sentence(entry, Audience.Staff));
        Assert.Equal("Pelapor meminta admin koordinator turun tangan", Sentences().Sentence(entry, Audience.Citizen));
    }

    [Theory]
    [InlineData("id", "Diarsipkan: Bukan pelayanan publik")]
    [InlineData("en", "Archived: Not a public service")]
    public void Sentence_Archive_NamesTheCategoryInWords(string culture, string expected)
    {
        var text = Sentences(culture).Sentence(Entry(RoutingAction.Archive, ActorRole.Coordinator, null, null, nameof(ArchiveReason.NotPublicService)), Audience.Citizen);

        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData(ActorRole.System, "Unknown.Code:2026-01-01")]
    [InlineData(ActorRole.System, "Verify.Breach:2026-13-40")]
    [InlineData(ActorRole.Coordinator, "SomethingNew")]
    public void Sentence_CodeItDoesNotKnow_IsLeftOutRatherThanShown(ActorRole role, string reason)
    {
        var action = role == ActorRole.System ? RoutingAction.Escalate : RoutingAction.Archive;

        var text = Sentences().Sentence(Entry(action, role, null, null, reason), Audience.Staff);

        Assert.DoesNotContain(reason, text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(text));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public void Sentence_ActionWithoutKeys_FallsBackToGenericWords(string culture)
    {
        var text = Sentences(culture).Sentence(Entry((RoutingAction)999, ActorRole.Coordinator, null, Dpu, StaffWords), Audience.Staff);

        Assert.Equal(Localizer.Create(culture)["History.Other"].Value.Replace("[ ({Agency})]", $" ({Dpu})", StringComparison.Ordinal), text);
        Assert.DoesNotContain("999", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentence_MissingAgency_DropsOnlyTheBracketedPart()
    {
        Assert.Equal("Diverifikasi dan diteruskan", Sentences().Sentence(Entry(RoutingAction.Verify, ActorRole.Coordinator, null, null, null), Audience.Staff));
    }

    [Fact]
    public void Sentence_ReasonLookingLikeAPlaceholder_IsShownAsWritten()
    {
        var text = Sentences().Sentence(Entry(RoutingAction.Reopen, ActorRole.Coordinator, null, Dpu, "lihat {Agency} [lagi]"), Audience.Staff);

        Assert.Equal("Dibuka kembali: lihat {Agency} [lagi]", text);
    }

    [Theory]
    [InlineData("Verify.Breach:2026-09-23", Deadline.Verify, EscalationRung.Breach, 2026, 9, 23)]
    [InlineData("Completion.ReporterOffer:2026-10-27", Deadline.Completion, EscalationRung.ReporterOffer, 2026, 10, 27)]
    [InlineData("FirstResponse.Reminder:2026-01-02", Deadline.FirstResponse, EscalationRung.Reminder, 2026, 1, 2)]
    public void EscalationCode_WrittenByTheDomain_IsRead(string reason, Deadline deadline, EscalationRung rung, int year, int month, int day)
    {
        Assert.True(EscalationCode.TryParse(reason, out var code));
        Assert.Equal(new EscalationCode(deadline, rung, new DateOnly(year, month, day)), code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Verify.Breach")]
    [InlineData("Verify.Breach:23-09-2026")]
    [InlineData("Verify.Breach:2026-02-30")]
    [InlineData("verify.breach:2026-09-23")]
    [InlineData("1.0:2026-09-23")]
    [InlineData("Verify, Completion.Breach:2026-09-23")]
    [InlineData("Verify.Breach.Again:2026-09-23")]
    [InlineData("Sudah lewat batas waktu: mohon dibantu.")]
    public void EscalationCode_AnythingElse_IsNotACode(string? reason)
    {
        Assert.False(EscalationCode.TryParse(reason, out _));
    }

    [Fact]
    public void Lines_OneEscalationForSeveralAgenciesAndRuns_IsOneLineNamingThem()
    {
        var entries = new[]
        {
            Entry(RoutingAction.Verify, ActorRole.Coordinator, null, Dishub, null),
            Entry(RoutingAction.Verify, ActorRole.Coordinator, null, Dpu, null),
            Entry(RoutingAction.Escalate, ActorRole.System, Dishub, Dishub, "Completion.Breach:2026-10-27", Monday.AddDays(40)),
            Entry(RoutingAction.Escalate, ActorRole.System, Dpu, Dpu, "Completion.Breach:2026-10-27", Monday.AddDays(40)),
            Entry(RoutingAction.Escalate, ActorRole.System, Dishub, Dishub, "Completion.ReporterOffer:2026-10-27", Monday.AddDays(40)),
            Entry(RoutingAction.Escalate, ActorRole.System, Dishub, Dishub, "Completion.Breach:2026-10-27", Monday.AddDays(41)),
        };

        var lines = Sentences().Lines(entries, Audience.Staff);

        Assert.Equal(
            [
                "Diverifikasi dan diteruskan ke Dinas Perhubungan, Dinas Pekerjaan Umum",
                "Tenggat penyelesaian untuk Dinas Perhubungan, Dinas Pekerjaan Umum terlewati (tenggat 27 Oktober 2026)",
                "Pelapor dapat meminta admin koordinator turun tangan: tenggat penyelesaian untuk Dinas Perhubungan terlewati (tenggat 27 Oktober 2026)",
            ],
            lines.Select(l => l.Text));
        Assert.Equal(Monday.AddDays(40), lines[1].At);
    }

    [Fact]
    public void Lines_ConsecutiveIdenticalLines_Collapse_OthersStay()
    {
        var entries = new[]
        {
            Entry(RoutingAction.ReporterReply, ActorRole.Citizen, null, null, null, Monday),
            Entry(RoutingAction.ReporterReply, ActorRole.Citizen, null, null, null, Monday.AddHours(1)),
            Entry(RoutingAction.FirstResponse, ActorRole.Officer, Dpu, Dpu, null, Monday.AddHours(2)),
            Entry(RoutingAction.ReporterReply, ActorRole.Citizen, null, null, null, Monday.AddHours(3)),
        };

        var lines = Sentences().Lines(entries, Audience.Citizen);

        Assert.Equal(["Pelapor mengirim keterangan tambahan", "Tanggapan dari Dinas Pekerjaan Umum", "Pelapor mengirim keterangan tambahan"], lines.Select(l => l.Text));
        Assert.Equal(Monday, lines[0].At);
    }

    [Fact]
    public void Lines_SameActionAtAnotherTime_IsAnotherLine()
    {
        var entries = new[]
        {
            Entry(RoutingAction.Verify, ActorRole.Coordinator, null, Dishub, null, Monday),
            Entry(RoutingAction.Verify, ActorRole.Coordinator, null, Dpu, null, Monday.AddDays(2)),
        };

        Assert.Equal(2, Sentences().Lines(entries, Audience.Staff).Count);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public void Lines_StatusLabels_AreOfficialForStaffAndPlainForCitizens(string culture)
    {
        var t = Localizer.Create(culture);
        foreach (var status in Enum.GetValues<ReportStatus>())
        {
            var entry = Entry(RoutingAction.Submit, ActorRole.Citizen, null, null, null) with { ToStatus = status };

            var staff = Sentences(culture).Lines([entry], Audience.Staff).Single();
            var citizen = Sentences(culture).Lines([entry], Audience.Citizen).Single();

            Assert.Equal(t[$"Status.{status}"].Value, staff.StatusLabel);
            Assert.Equal(t[$"CitizenStatus.{status}"].Value, citizen.StatusLabel);
            Assert.False(t[$"CitizenStatus.{status}"].ResourceNotFound);
            Assert.Equal(ActorRole.Citizen, staff.Role);
            Assert.Null(citizen.Role);
        }
    }

    [Theory]
    [InlineData("id", Audience.Staff, "Kategori diubah dari Jalan Rusak menjadi Drainase")]
    [InlineData("id", Audience.Citizen, "Kategori diubah dari Jalan Rusak menjadi Drainase")]
    [InlineData("en", Audience.Public, "Category changed from Damaged roads to Drainage")]
    public void Recategorize_NamesBothCategories_InTheReadersLanguage_ForEveryone(string culture, Audience audience, string expected)
    {
        var categories = new[] { new ReferenceData.CategoryEntry(7, "Jalan Rusak", "Damaged roads", 1, true), new ReferenceData.CategoryEntry(9, "Drainase", "Drainage", 1, true) };
        var entries = new[] { Entry(RoutingAction.Recategorize, ActorRole.Coordinator, null, null, new CategoryChange(7, 9).Code) }.Named(categories, culture == "en");

        var line = Assert.Single(Sentences(culture).Lines(entries, audience));

        Assert.Equal(expected, line.Text);
    }

    [Fact]
    public void Recategorize_OfAReportWithoutCategory_SaysOnlyTheNewOne()
    {
        var categories = new[] { new ReferenceData.CategoryEntry(9, "Drainase", "Drainage", 1, true) };
        var entries = new[] { Entry(RoutingAction.Recategorize, ActorRole.Coordinator, null, null, new CategoryChange(null, 9).Code) }.Named(categories, english: false);

        Assert.Equal("Kategori diubah menjadi Drainase", Assert.Single(Sentences().Lines(entries, Audience.Citizen)).Text);
    }

    private static HistorySentences Sentences(string culture = "id") => new(Localizer.Create(culture));

    private static HistoryEntry Entry(RoutingAction action, ActorRole role, string? from, string? to, string? reason, DateTimeOffset? at = null) =>
        new(at ?? Monday, action, role, ReportStatus.Unverified, ReportStatus.InProgress, from, to, reason);

    /// <summary>No enum name, resource key, placeholder, template bracket or ISO date: only words ("Reminder" is a word, "ReporterOffer" a code).</summary>
    private static void AssertNoCode(string text, RoutingAction action)
    {
        Assert.DoesNotMatch($@"\b{action}\b", text);
        Assert.DoesNotMatch(@"[{}\[\]]|History\.|Routing\.|Deadline\.|\d{4}-\d{2}-\d{2}", text);
        foreach (var name in Enum.GetNames<Deadline>().Concat(Enum.GetNames<EscalationRung>()).Where(n => Regex.IsMatch(n, "^[A-Z][a-z]+[A-Z]")))
        {
            Assert.DoesNotMatch($@"\b{Regex.Escape(name)}\b", text);
        }
    }
}
