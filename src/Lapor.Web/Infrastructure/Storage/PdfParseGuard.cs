using System.Globalization;
using System.IO.Compression;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;

namespace Lapor.Web.Infrastructure.Storage;

/// <summary>
/// Decides whether PDFsharp may be handed a file. PDFsharp reads nested arrays and dictionaries,
/// stream lengths stored in other objects, and the page tree by recursion, without limits: a few
/// kilobytes of "[[[[…", a chain of streams whose lengths point at each other, or a page tree that
/// contains itself overflow the stack, which no catch survives, and the whole portal stops; a hex
/// string left open at the end of the file makes it loop for ever. This class reads the file the
/// way PDFsharp's lexer will, without recursion: from every "obj" and "trailer" keyword, and inside
/// object streams at their offsets; then walks the page tree with a stack of its own.
/// </summary>
internal static class PdfParseGuard
{
    /// <summary>Real documents nest a handful of levels; PDFsharp overflows a thread pool stack at a few thousand.</summary>
    public const int MaxDepth = 64;

    /// <summary>PDFsharp inflates object and cross-reference streams in memory; a zip bomb stops here.</summary>
    private const int MaxInflated = 64 * 1024 * 1024;

    /// <summary>
    /// The bytes to give PDFsharp, or null when it must not see the file. Indirect stream lengths
    /// ("/Length 12 0 R") are blanked out, same width so no offset moves: PDFsharp then finds the end
    /// of the stream by its "endstream" marker instead of reading another object in the middle of one.
    /// </summary>
    public static byte[]? Prepare(byte[] pdf)
    {
        var prepared = (byte[])pdf.Clone();
        var reader = new PdfTokenReader(pdf, 16L * pdf.Length + 1_000_000);
        long inflated = 0;
        foreach (var start in Keywords(pdf, "obj"u8).Concat(Keywords(pdf, "trailer"u8)))
        {
            var item = reader.Item(start);
            if (item.Depth > MaxDepth)
            {
                return null;
            }

            if (item.Keys is not { } keys || reader.Token(item.End) is not var (s, e) || !pdf.AsSpan(s, e - s).SequenceEqual("stream"u8))
            {
                continue;
            }

            if (!StreamIsShallow(pdf.AsSpan(e), keys, reader, ref inflated))
            {
                return null;
            }

            if (keys.TryGetValue("/Length", out var length) && length.Text == "R")
            {
                prepared.AsSpan(length.KeyStart, length.End - length.KeyStart).Fill((byte)' ');
            }
        }

        return reader.Exhausted ? null : prepared;
    }

    /// <summary>PDFsharp flattens the page tree by recursion: refuse loops, shared nodes and trees deeper than real ones.</summary>
    public static bool HasPlainPageTree(PdfDocument document)
    {
        if (document.Internals.Catalog.Elements["/Pages"] is not PdfReference root)
        {
            return false;
        }

        var seen = new HashSet<PdfObjectID>();
        var pending = new Stack<(PdfReference Node, int Depth)>([(root, 0)]);
        while (pending.TryPop(out var item))
        {
            if (item.Depth > MaxDepth || !seen.Add(item.Node.ObjectID) || item.Node.Value is not PdfDictionary node)
            {
                return false;
            }

            var isPage = node.Elements["/Type"] is PdfName { Value: "/Page" } || (node.Elements["/Type"] is null && !node.Elements.ContainsKey("/Kids"));
            if (isPage)
            {
                continue;
            }

            if (node.Elements.GetArray("/Kids") is not { } kids || kids.Elements.Any(k => k is not PdfReference))
            {
                return false;
            }

            foreach (var kid in kids.Elements)
            {
                pending.Push(((PdfReference)kid, item.Depth + 1));
            }
        }

        return true;
    }

    /// <summary>
    /// PDFsharp parses the content of an object stream (one with /N), inflated when its filter is the
    /// single name FlateDecode, and inflates cross-reference streams (/W). Whatever it would decode some
    /// other way (LZW, predictors on objects, filter arrays or references, raw object data) is refused
    /// rather than imitated; nobody's word processor writes those.
    /// </summary>
    private static bool StreamIsShallow(ReadOnlySpan<byte> afterKeyword, Dictionary<string, PdfEntry> keys, PdfTokenReader reader, ref long inflated)
    {
        var objects = keys.ContainsKey("/N");
        if (!objects && !keys.ContainsKey("/W"))
        {
            return true;
        }

        var filter = keys.GetValueOrDefault("/Filter")?.Text;
        var zipped = filter is "/FlateDecode" or "/Fl";
        if (objects ? !zipped || keys.ContainsKey("/DecodeParms") || keys.ContainsKey("/DP") : filter is not null && !zipped)
        {
            return false;
        }

        if (!zipped)
        {
            return true;
        }

        var content = Inflate(afterKeyword.TrimStart("\r\n"u8).ToArray(), MaxInflated - inflated);
        inflated += content?.Length ?? 0;
        return content is not null && (!objects || ObjectsAreShallow(content, keys, reader));
    }

    private static bool ObjectsAreShallow(byte[] content, Dictionary<string, PdfEntry> keys, PdfTokenReader reader)
    {
        if (!int.TryParse(keys["/N"].Text, CultureInfo.InvariantCulture, out var count) || !int.TryParse(keys.GetValueOrDefault("/First")?.Text, CultureInfo.InvariantCulture, out var first)
            || count < 0 || count > content.Length / 2)
        {
            return false;
        }

        var inner = new PdfTokenReader(content, reader.Budget);
        var position = 0;
        var offsets = new List<int>();
        for (var i = 0; i < 2 * count; i++)
        {
            if (inner.Token(position) is not var (s, e) || !int.TryParse(content.AsSpan(s, e - s), CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            position = e;
            if (i % 2 == 1)
            {
                offsets.Add(first + number);
            }
        }

        var shallow = offsets.Where(o => o >= 0 && o < content.Length).All(o => inner.Item(o).Depth <= MaxDepth);
        reader.Budget = inner.Budget;
        return shallow && !inner.Exhausted;
    }

    private static byte[]? Inflate(byte[] data, long limit)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            for (int read; (read = zlib.Read(buffer)) > 0;)
            {
                output.Write(buffer, 0, read);
                if (output.Length > limit)
                {
                    return null;
                }
            }

            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Positions just after each occurrence of <paramref name="keyword"/> that PDFsharp's lexer would read as that keyword (not part of a longer word).</summary>
    private static List<int> Keywords(byte[] pdf, ReadOnlySpan<byte> keyword)
    {
        var found = new List<int>();
        for (var at = pdf.AsSpan().IndexOf(keyword); at >= 0;)
        {
            var end = at + keyword.Length;
            if ((at == 0 || !char.IsLetter((char)pdf[at - 1])) && (end == pdf.Length || !char.IsLetter((char)pdf[end])))
            {
                found.Add(end);
            }

            var next = pdf.AsSpan(end).IndexOf(keyword);
            at = next < 0 ? -1 : end + next;
        }

        return found;
    }
}
