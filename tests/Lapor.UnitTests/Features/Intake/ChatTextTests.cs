using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Lapor.UnitTests.Features.Intake;

/// <summary>
/// What goes to a phone stays phone-sized: every <c>Chat.*</c> text (the replies and the workflow's news on SMS,
/// WhatsApp and Telegram) exists in both languages with the same placeholders, and is short apart from what fills them.
/// </summary>
public sealed partial class ChatTextTests
{
    /// <summary>Fixed words of one text; the tracking number and a link come on top (two SMS segments at most for most).</summary>
    private const int MaxFixedCharacters = 240;

    [Fact]
    public void EveryChatText_IsInBothLanguages_WithTheSamePlaceholders_AndShort()
    {
        var indonesian = ChatTexts("SharedResource.resx");
        var english = ChatTexts("SharedResource.en.resx");

        Assert.Equal(indonesian.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Chat.ConversationReport", indonesian.Keys);
        foreach (var (key, text) in indonesian)
        {
            Assert.Equal(Placeholders(text), Placeholders(english[key]));
            Assert.True(FixedLength(text) <= MaxFixedCharacters, $"{key} has {FixedLength(text)} fixed characters");
            Assert.True(FixedLength(english[key]) <= MaxFixedCharacters, $"{key} (en) has {FixedLength(english[key])} fixed characters");
        }
    }

    private static int FixedLength(string text) => PlaceholderPattern().Replace(text, "").Length;

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> ChatTexts(string file) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Lapor.Web", "Resources", file)).Root!.Elements("data")
            .Where(d => ((string)d.Attribute("name")!).StartsWith("Chat.", StringComparison.Ordinal))
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lapor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Lapor.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex PlaceholderPattern();
}
