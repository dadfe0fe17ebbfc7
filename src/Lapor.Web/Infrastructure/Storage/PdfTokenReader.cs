using System.Globalization;
using System.Text;

namespace Lapor.Web.Infrastructure.Storage;

/// <summary>A dictionary entry: the value's first token (decoded if a name, "R" for a reference), where the key starts and the value ends.</summary>
internal sealed record PdfEntry(string Text, int KeyStart, int End);

/// <summary>
/// PDFsharp's lexer, reduced to where tokens start and end: whitespace, comments to the end of the
/// line, literal strings with nested parentheses and escapes, its reading of hex strings (a '&gt;'
/// in the place of a second digit does not end one) and of names ('#' takes the next two
/// characters, whatever they are), and CR LF read as one character where it reads it so.
/// Used by <see cref="PdfParseGuard"/>; nothing here recurses.
/// </summary>
internal sealed class PdfTokenReader(byte[] data, long budget)
{
    public long Budget { get; set; } = budget;

    public bool Exhausted => Budget < 0;

    /// <summary>One object as PDFsharp parses it after "obj": its deepest nesting, where it ends, and the entries of a top-level dictionary.</summary>
    public (int Depth, int End, Dictionary<string, PdfEntry>? Keys) Item(int position)
    {
        int depth = 0, deepest = 0, keyStart = 0;
        Dictionary<string, PdfEntry>? keys = null;
        string? key = null;
        for (var first = true; !Exhausted; first = false)
        {
            if (Token(position) is not var (s, e))
            {
                break;
            }

            var opens = data[s] == '[' || (data[s] == '<' && e - s == 2);
            var closes = data[s] == ']' || (data[s] == '>' && e - s == 2);
            if (depth == 1 && keys is not null && !closes)
            {
                if (key is not null)
                {
                    keys[key] = Value(s, e, keyStart);
                    key = null;
                }
                else if (data[s] == '/')
                {
                    (key, keyStart) = (Name(s, e), s);
                }
            }

            depth += opens ? 1 : closes ? -1 : 0;
            keys ??= first && opens && data[s] == '<' ? [] : null;
            deepest = Math.Max(deepest, depth);
            position = e;
            if (depth <= 0 || deepest > PdfParseGuard.MaxDepth)
            {
                break;
            }
        }

        return (Exhausted ? int.MaxValue : deepest, position, keys);
    }

    /// <summary>The next token's start and end, or null at the end of the data.</summary>
    public (int Start, int End)? Token(int position)
    {
        var i = position;
        while (i < data.Length && (IsWhite(data[i]) || data[i] == '%'))
        {
            i = data[i] == '%' ? AfterComment(i) : i + 1;
        }

        if (i >= data.Length)
        {
            return null;
        }

        var end = data[i] switch
        {
            (byte)'(' => AfterString(i),
            (byte)'<' when At(i + 1) == '<' => i + 2,
            (byte)'>' when At(i + 1) == '>' => i + 2,
            (byte)'<' => AfterHexString(i),
            (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)')' or (byte)'>' => i + 1,
            (byte)'/' => AfterName(i),
            _ => AfterRegular(i),
        };
        Budget -= end - position;
        return (i, Math.Min(end, data.Length));
    }

    private int AfterComment(int i)
    {
        var end = data.AsSpan(i).IndexOfAny((byte)'\r', (byte)'\n');
        return end < 0 ? data.Length : i + end;
    }

    private int AfterString(int i)
    {
        var level = 0;
        for (i = Next(i); i < data.Length;)
        {
            switch (data[i])
            {
                case (byte)'(':
                    level++;
                    break;
                case (byte)')' when level == 0:
                    return i + 1;
                case (byte)')':
                    level--;
                    break;
                case (byte)'\\':
                    i = Next(i);
                    if (At(i) is '\r' or '\n')
                    {
                        i = Next(i);
                        continue;
                    }

                    break;
            }

            i = Next(i);
        }

        return data.Length;
    }

    private int AfterHexString(int i)
    {
        // PDFsharp loops for ever on a hex string that runs to the end of the file: that is refused too.
        for (i = Next(i); ;)
        {
            i = SkipWhite(i);
            if (i >= data.Length)
            {
                return Refuse();
            }

            if (data[i] == '>')
            {
                return i + 1;
            }

            i = Next(i);
            if (At(i) == '>')
            {
                return i + 1;
            }

            if (At(i) == ' ')
            {
                continue;
            }

            i = SkipWhite(i);
            if (i >= data.Length)
            {
                return Refuse();
            }

            i = Next(i);
        }
    }

    private int AfterName(int i)
    {
        for (i = Next(i); i < data.Length && !IsWhite(data[i]) && !IsDelimiter(data[i]); i = Next(i))
        {
            if (data[i] == '#')
            {
                i = Next(Next(i));
            }
        }

        return i;
    }

    private int AfterRegular(int i)
    {
        do
        {
            i++;
        }
        while (i < data.Length && !IsWhite(data[i]) && !IsDelimiter(data[i]));
        return i;
    }

    private PdfEntry Value(int s, int e, int keyStart)
    {
        if (data[s] == '/')
        {
            return new PdfEntry(Name(s, e), keyStart, e);
        }

        if (char.IsAsciiDigit((char)data[s]) && Token(e) is var (s2, e2) && char.IsAsciiDigit((char)data[s2]) && Token(e2) is var (s3, e3) && e3 - s3 == 1 && data[s3] == 'R')
        {
            return new PdfEntry("R", keyStart, e3);
        }

        return new PdfEntry(Encoding.Latin1.GetString(data, s, e - s), keyStart, e);
    }

    /// <summary>A name with its #xx escapes decoded, as PDFsharp compares it.</summary>
    private string Name(int s, int e)
    {
        var name = new StringBuilder();
        for (var i = s; i < e; i++)
        {
            name.Append(data[i] == '#' && i + 2 < e && byte.TryParse(data.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var c) ? (char)c : (char)data[i]);
            i += data[i] == '#' ? 2 : 0;
        }

        return name.ToString();
    }

    private int Refuse()
    {
        Budget = -1;
        return data.Length;
    }

    /// <summary>The position of the next character, a CR LF pair counting as one.</summary>
    private int Next(int i) => At(i + 1) == '\r' && At(i + 2) == '\n' ? i + 2 : i + 1;

    private int SkipWhite(int i)
    {
        while (i < data.Length && IsWhite(data[i]))
        {
            i++;
        }

        return i;
    }

    private char At(int i) => i < data.Length ? (char)data[i] : '\uffff';

    private static bool IsWhite(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    private static bool IsDelimiter(byte b) => b is (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
}
