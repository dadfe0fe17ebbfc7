using System.Text;
using System.Xml.Linq;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;

namespace Lapor.UnitTests.Features.ReportWork;

/// <summary>The event × recipient table: every event kind has a row, every template has its texts, and docs/architecture.md shows the table the code uses.</summary>
public sealed class WhoIsToldTests
{
    private static readonly Actor Someone = new("someone", ActorRole.Coordinator);

    public static TheoryData<ReportEventKind> Kinds() => [.. Enum.GetValues<ReportEventKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryEventKind_HasARow_WithAtMostOneNoticePerAudience(ReportEventKind kind)
    {
        foreach (var agency in new int?[] { null, 7 })
        {
            var notices = WhoIsTold.For(new ReportEvent(kind, Someone, DateTimeOffset.UnixEpoch) { AgencyId = agency });
            Assert.Equal(notices.Count, notices.Select(n => n.To).Distinct().Count());
        }
    }

    [Fact]
    public void EveryTemplate_HasMailTextsInBothLanguages_AndReporterTemplatesAChatText()
    {
        var keys = ResourceKeys("SharedResource.resx").Intersect(ResourceKeys("SharedResource.en.resx")).ToHashSet();
        var missing = new List<string>();
        foreach (var (notice, _) in AllNotices())
        {
            missing.AddRange(new[] { $"Mail.{notice.Template}.Subject", $"Mail.{notice.Template}.Body" }.Where(k => !keys.Contains(k)));
            if ((notice.To is NoticeAudience.Reporter or NoticeAudience.Followers) && !keys.Contains($"Chat.{notice.Template}"))
            {
                missing.Add($"Chat.{notice.Template}");
            }
        }

        missing.AddRange(new[] { $"Mail.{WhoIsTold.Unstaffed}.Subject", $"Mail.{WhoIsTold.Unstaffed}.Body" }.Where(k => !keys.Contains(k)));
        Assert.Empty(missing.Distinct());
    }

    [Fact]
    public void ArchitectureDocument_ShowsTheTableTheCodeUses()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "architecture.md")).ReplaceLineEndings("\n");

        Assert.Contains(Render(), document, StringComparison.Ordinal);
    }

    /// <summary>The table as markdown: one row per event kind (two where it matters whether the event names an agency).</summary>
    public static string Render()
    {
        var text = new StringBuilder("| Event | Reporter | Handlers (officers of the agency; else coordinators) | Agency heads | Coordinators | Followers |\n|---|---|---|---|---|---|\n");
        foreach (var kind in Enum.GetValues<ReportEventKind>())
        {
            var report = WhoIsTold.For(new ReportEvent(kind, Someone, DateTimeOffset.UnixEpoch));
            var agency = WhoIsTold.For(new ReportEvent(kind, Someone, DateTimeOffset.UnixEpoch) { AgencyId = 7 });
            if (report.SequenceEqual(agency))
            {
                text.Append(Row(kind.ToString(), agency));
            }
            else
            {
                text.Append(Row($"{kind} (the report)", report)).Append(Row($"{kind} (an agency's share)", agency));
            }
        }

        return text.ToString();
    }

    private static string Row(string name, IReadOnlyList<Notice> notices)
    {
        string Cell(NoticeAudience audience) => notices.FirstOrDefault(n => n.To == audience)?.Template is { } template ? $"`{template}`" : "–";
        var handlers = notices.Any(n => n.To == NoticeAudience.Officers) ? $"{Cell(NoticeAudience.Officers)} (officers only, no stand-in)" : Cell(NoticeAudience.Handlers);
        return $"| {name} | {Cell(NoticeAudience.Reporter)} | {handlers} | {Cell(NoticeAudience.AgencyHeads)} | {Cell(NoticeAudience.Coordinators)} | {Cell(NoticeAudience.Followers)} |\n";
    }

    [Theory]
    [InlineData(ReportEventKind.InformationAdded, NoticeAudience.Coordinators)]
    [InlineData(ReportEventKind.ReporterReplied, NoticeAudience.Handlers)]
    public void ReporterInformation_ThatAnswersAQuestion_ReadsAsAnAnswer(ReportEventKind kind, NoticeAudience audience)
    {
        var unasked = Assert.Single(WhoIsTold.For(new ReportEvent(kind, Someone, DateTimeOffset.UnixEpoch) { AgencyId = 7 }));
        var answer = Assert.Single(WhoIsTold.For(new ReportEvent(kind, Someone, DateTimeOffset.UnixEpoch) { AgencyId = 7, AnswersQuestion = true }));

        Assert.Equal((audience, "ReporterReplied"), (unasked.To, unasked.Template));
        Assert.Equal((audience, "ReporterAnswered"), (answer.To, answer.Template));
    }

    private static IEnumerable<(Notice Notice, ReportEventKind Kind)> AllNotices() =>
        from kind in Enum.GetValues<ReportEventKind>()
        from agency in new int?[] { null, 7 }
        from answers in new[] { false, true }
        from notice in WhoIsTold.For(new ReportEvent(kind, Someone, DateTimeOffset.UnixEpoch) { AgencyId = agency, AnswersQuestion = answers })
        select (notice, kind);

    private static HashSet<string> ResourceKeys(string file) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Lapor.Web", "Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lapor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Lapor.sln not found above the test binaries.");
    }
}
