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

    /// <summary>
    /// A chat or SMS reporter never gets the access code: a link in the workflow's news is the private one
    /// (<c>/tautan?t=</c>), never the bare <c>/lacak/{n}</c> that asks for the code. Its words are GSM 7-bit,
    /// so an SMS is not sent as UCS-2 in twice the segments.
    /// </summary>
    [Fact]
    public void EveryNewsText_LinksPrivately_InGsmWords()
    {
        foreach (var file in new[] { "SharedResource.resx", "SharedResource.en.resx" })
        {
            foreach (var (key, text) in ChatTexts(file).Where(t => !t.Key.StartsWith("Chat.Conversation", StringComparison.Ordinal)))
            {
                var links = Regex.Matches(text, @"\{BaseUrl\}\S*").Select(m => m.Value).ToList();
                Assert.All(links, link => Assert.Equal("{BaseUrl}/lacak/{TrackingNumber}/tautan?t={LinkToken}", link));
                Assert.True(Lapor.Web.Domain.Notifications.GsmText.IsGsm(text), $"{key} ({file}) has a character outside the GSM alphabet");
            }
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
