using System.Globalization;
using System.Text;

namespace Lapor.UnitTests.Support;

/// <summary>
/// Writes PDF files by hand, object by object, with a correct cross-reference table: the crafted
/// files (scripts, attached files, planted authors) that ordinary tools would not make on purpose.
/// Everything is Latin-1, one byte per character, so string lengths are byte offsets.
/// </summary>
public static class RawPdf
{
    /// <summary>Objects numbered from 1 in the order given; object 1 is the catalog.</summary>
    public static byte[] Build(IReadOnlyList<string> objects, string trailer = "")
    {
        var pdf = new StringBuilder("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailer} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    /// <summary>Appends an incremental update that replaces one object, as an editor saving a second version does.</summary>
    public static byte[] Update(byte[] pdf, int objectNumber, string body, int size, string trailer = "")
    {
        var text = Encoding.Latin1.GetString(pdf);
        var previous = text[(text.LastIndexOf("startxref\n", StringComparison.Ordinal) + 10)..].Split('\n')[0];
        var update = new StringBuilder(text);
        var offset = update.Length;
        update.Append(CultureInfo.InvariantCulture, $"{objectNumber} 0 obj\n{body}\nendobj\n");
        var xref = update.Length;
        update.Append(CultureInfo.InvariantCulture, $"xref\n0 1\n0000000000 65535 f \n{objectNumber} 1\n{offset:D10} 00000 n \n");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} /Root 1 0 R /Prev {previous} {trailer} >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(update.ToString());
    }

    /// <summary>A stream object with its /Length filled in.</summary>
    public static string Stream(string dictionary, string content) =>
        $"<< {dictionary} /Length {content.Length} >>\nstream\n{content}\nendstream";

    /// <summary>A page whose text is drawn in Helvetica (a standard font, nothing embedded) by the <paramref name="contents"/> stream.</summary>
    public static string Page(int parent, int contents, int font, string extra = "") =>
        $"<< /Type /Page /Parent {parent} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {contents} 0 R {extra} >>";

    public static string Text(string text) => Stream("", $"BT /F1 24 Tf 72 720 Td ({text}) Tj ET");

    public const string Helvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
}
