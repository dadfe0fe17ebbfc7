using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lapor.UnitTests.Support;

namespace Lapor.UnitTests.Infrastructure;

/// <summary>
/// One resource file per feature area plus the shared one: Indonesian and English stay in step, and every
/// text a file asks for is in its own area's file or the shared one (an area never reads another area's words).
/// </summary>
public sealed partial class ResourceFilesTests
{
    private static readonly string Resources = Path.Combine(SourceTree.Web, "Resources");

    public static TheoryData<string> Files() => [.. IndonesianFiles()];

    private static IEnumerable<string> IndonesianFiles() => Directory.EnumerateFiles(Resources, "*.resx", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Resources, f));

    [Theory]
    [MemberData(nameof(Files))]
    public void IndonesianAndEnglish_HaveTheSameKeys(string file)
    {
        var indonesian = Keys(file);
        var english = Keys(file.Replace(".resx", ".en.resx", StringComparison.Ordinal));

        Assert.NotEmpty(indonesian);
        Assert.Empty(indonesian.Except(english));
        Assert.Empty(english.Except(indonesian));
    }

    [Fact]
    public void EveryArea_HasItsOwnFile_AndNoKeyIsInTwoFiles()
    {
        var files = IndonesianFiles().ToList();
        Assert.Contains("SharedResource.resx", files);
        foreach (var area in Areas)
        {
            Assert.Contains(Path.Combine("Features", area, $"{area}Resource.resx"), files);
        }

        var twice = files.SelectMany(Keys).GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
    }

    [Fact]
    public void EveryKeyAFileUses_IsInItsAreaOrShared()
    {
        var shared = Keys("SharedResource.resx");
        var byArea = Areas.ToDictionary(a => a, a => Keys(Path.Combine("Features", a, $"{a}Resource.resx")));
        var all = byArea.Values.SelectMany(k => k).Concat(shared).ToHashSet(StringComparer.Ordinal);

        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(SourceTree.Web, "*.*", SearchOption.AllDirectories).Where(IsSource))
        {
            var area = AreaOf(file);
            var visible = area is null ? shared : [.. shared, .. byArea[area]];
            var text = File.ReadAllText(file);
            var literal = Quoted().Matches(text).Select(m => m.Groups[1].Value).Where(all.Contains);

            // $"Status.{x}.Explain" asks for every key of that shape.
            var patterned = Interpolated().Matches(text).Select(m => m.Groups[1].Value).Where(p => !p.StartsWith('{') && p.Contains('.'))
                .Select(Shape).SelectMany(shape => all.Where(k => shape.IsMatch(k)));
            missing.AddRange(literal.Concat(patterned).Where(k => !visible.Contains(k)).Distinct().Select(k => $"{Path.GetRelativePath(SourceTree.Web, file)}: {k}"));
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    /// <summary>
    /// /admin/surat names each undelivered message by its kind: every template a message can be sent with
    /// (its mail subject or chat text) and every channel has a label there, or an operator reads a code.
    /// </summary>
    [Fact]
    public void EveryMessageTemplateAndChannel_HasAnOutboxLabel()
    {
        var shared = Keys("SharedResource.resx");
        var labels = Keys(Path.Combine("Features", "Administration", "AdministrationResource.resx"));
        var templates = shared.Select(k => MessageTemplate().Match(k)).Where(m => m.Success).Select(m => m.Groups["t"].Value)
            .Append(Lapor.Web.Infrastructure.Notifications.NotificationOutbox.WebhookTemplate).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("FilingConfirmation", templates);
        Assert.Contains("ConversationOpenList", templates);
        var unlabelled = templates.Select(t => $"Outbox.Kind.{t}")
            .Concat(Enum.GetNames<Lapor.Web.Domain.Notifications.NotificationChannel>().Select(c => $"Outbox.Via.{c}"))
            .Where(k => !labels.Contains(k)).ToList();
        Assert.True(unlabelled.Count == 0, string.Join(", ", unlabelled));
    }

    private static readonly string[] Areas = ["Citizen", "StaffWork", "Oversight", "Administration", "Integrations", "Account"];

    private static string? AreaOf(string file)
    {
        var parts = Path.GetRelativePath(SourceTree.Web, file).Split(Path.DirectorySeparatorChar);
        return parts is ["Features", var area, _, ..] && Areas.Contains(area) ? area : null;
    }

    private static bool IsSource(string file) =>
        (file.EndsWith(".cs", StringComparison.Ordinal) || file.EndsWith(".cshtml", StringComparison.Ordinal))
        && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        && !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    /// <summary>"Status.{x}.Explain" → ^Status\..+\.Explain$.</summary>
    private static Regex Shape(string interpolated) => new("^" + Regex.Replace(Regex.Escape(interpolated), @"\\\{.*?}", ".+") + "$");

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("^(?:Mail\\.(?<t>[A-Za-z]+)\\.Subject|Chat\\.(?<t>[A-Za-z]+))$")]
    private static partial Regex MessageTemplate();

    [GeneratedRegex("(?<!\\$)\"([A-Z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("\\$\"([^\"]*\\{[^\"]*)\"")]
    private static partial Regex Interpolated();
}
