using System.Globalization;
using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.Privacy;

/// <summary>
/// The privacy notice at /kebijakan-privasi, in the reader's language. The administrator's text is
/// plain: blank lines part paragraphs, a paragraph starting with "# " is a heading, one whose lines
/// all start with "- " a list. Everything else is text, encoded as any text on the page is.
/// </summary>
public static class ReadNotice
{
    public enum BlockKind
    {
        Paragraph,
        Heading,
        List,
    }

    public sealed record Block(BlockKind Kind, IReadOnlyList<string> Lines);

    public sealed record View(IReadOnlyList<Block> Blocks, DateTimeOffset? UpdatedAt);

    public sealed class Handler(LaporDbContext db)
    {
        public async Task<View> HandleAsync(CancellationToken cancellationToken)
        {
            var notice = await db.PrivacyNotices.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
            return notice is null
                ? new View([], null)
                : new View(Blocks(notice.For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)), notice.UpdatedAt);
        }
    }

    /// <summary>Cuts the plain text into paragraphs, headings and lists.</summary>
    public static IReadOnlyList<Block> Blocks(string text)
    {
        var blocks = new List<Block>();
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var paragraph in paragraphs)
        {
            var lines = paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (lines.Length == 1 && lines[0].StartsWith("# ", StringComparison.Ordinal))
            {
                blocks.Add(new Block(BlockKind.Heading, [lines[0][2..].Trim()]));
            }
            else if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal)))
            {
                blocks.Add(new Block(BlockKind.List, [.. lines.Select(l => l[2..].Trim())]));
            }
            else
            {
                blocks.Add(new Block(BlockKind.Paragraph, lines));
            }
        }

        return blocks;
    }
}
