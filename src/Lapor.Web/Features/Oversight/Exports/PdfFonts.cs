using PdfSharp.Fonts;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>
/// The font of the exported PDFs: DejaVu Sans Condensed (regular and bold, Bitstream Vera licence, see Fonts/LICENSE.txt),
/// embedded in the assembly so a bare server (a container without fonts) draws the same PDF. PDFsharp embeds only
/// the glyphs a document uses. Every family name resolves to it.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans Condensed";

    private const string Regular = "DejaVuSansCondensed";
    private const string Bold = "DejaVuSansCondensed-Bold";
    private static readonly PdfFonts Instance = new();
    private static readonly Lock Gate = new();

    /// <summary>Sets the resolver for the process (PDFsharp's setting is global); the same instance each time, as PDFsharp asks.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver != Instance)
            {
                GlobalFontSettings.FontResolver = Instance;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var resource = typeof(PdfFonts).Assembly.GetManifestResourceStream($"{typeof(PdfFonts).Namespace}.Fonts.{faceName}.ttf");
        if (resource is null)
        {
            return null;
        }

        using var bytes = new MemoryStream();
        resource.CopyTo(bytes);
        return bytes.ToArray();
    }
}
