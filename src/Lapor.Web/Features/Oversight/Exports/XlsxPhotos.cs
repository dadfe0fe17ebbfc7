using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>
/// Embeds photos in one sheet of a workbook MiniExcel wrote. MiniExcel gives every sheet an empty drawing part;
/// this fills that part with one picture anchored at a cell per photo, and stores the JPEGs under <c>xl/media</c>.
/// (MiniExcel's own <c>AddPicture</c> writes a second, malformed drawing next to the empty one, which Excel ignores.)
/// </summary>
public static class XlsxPhotos
{
    private const int EmuPerPixel = 9525;
    private static readonly XNamespace Xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace Package = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string ImageRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

    /// <summary>A photo whose top left corner sits in column A of the zero-based <paramref name="Row"/>.</summary>
    public sealed record Placed(int Row, ExportPicture Photo);

    /// <summary>The workbook with <paramref name="photos"/> drawn on sheet number <paramref name="sheet"/> (1-based, in the order written).</summary>
    public static byte[] Embed(byte[] workbook, int sheet, IReadOnlyList<Placed> photos)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var drawing = DrawingOf(zip, sheet);
            var relationships = new XElement(Package + "Relationships");
            var anchors = new List<XElement>();
            foreach (var (photo, i) in photos.Select((p, i) => (p, i + 1)))
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"rIdPhoto{i}");
                var media = string.Create(CultureInfo.InvariantCulture, $"photo-{sheet}-{i}.jpg");
                Write(zip, $"xl/media/{media}", photo.Photo.Bytes);
                relationships.Add(new XElement(Package + "Relationship", new XAttribute("Id", id), new XAttribute("Type", ImageRelationship), new XAttribute("Target", $"../media/{media}")));
                anchors.Add(Anchor(i, id, photo));
            }

            var name = drawing[(drawing.LastIndexOf('/') + 1)..];
            Write(zip, drawing, Xml(new XElement(Xdr + "wsDr", new XAttribute(XNamespace.Xmlns + "xdr", Xdr), new XAttribute(XNamespace.Xmlns + "a", A), anchors)));
            Write(zip, $"xl/drawings/_rels/{name}.rels", Xml(relationships));
        }

        return stream.ToArray();
    }

    /// <summary>The drawing part the sheet points at (its relationships file names it).</summary>
    private static string DrawingOf(ZipArchive zip, int sheet)
    {
        using var rels = zip.GetEntry($"xl/worksheets/_rels/sheet{sheet}.xml.rels")!.Open();
        var target = XDocument.Load(rels).Root!.Elements(Package + "Relationship")
            .Single(r => ((string?)r.Attribute("Type"))?.EndsWith("/drawing", StringComparison.Ordinal) == true).Attribute("Target")!.Value;
        return "xl/" + target.Replace("../", "", StringComparison.Ordinal).TrimStart('/').Replace("xl/", "", StringComparison.Ordinal);
    }

    private static XElement Anchor(int id, string relationship, Placed placed)
    {
        var (cx, cy) = ((long)placed.Photo.Width * EmuPerPixel, (long)placed.Photo.Height * EmuPerPixel);
        return new XElement(Xdr + "oneCellAnchor",
            new XElement(Xdr + "from", new XElement(Xdr + "col", 0), new XElement(Xdr + "colOff", 0), new XElement(Xdr + "row", placed.Row), new XElement(Xdr + "rowOff", 0)),
            new XElement(Xdr + "ext", new XAttribute("cx", cx), new XAttribute("cy", cy)),
            new XElement(Xdr + "pic",
                new XElement(Xdr + "nvPicPr",
                    new XElement(Xdr + "cNvPr", new XAttribute("id", id + 1), new XAttribute("name", string.Create(CultureInfo.InvariantCulture, $"Foto {id}"))),
                    new XElement(Xdr + "cNvPicPr", new XElement(A + "picLocks", new XAttribute("noChangeAspect", 1)))),
                new XElement(Xdr + "blipFill",
                    new XElement(A + "blip", new XAttribute(XNamespace.Xmlns + "r", R), new XAttribute(R + "embed", relationship)),
                    new XElement(A + "stretch", new XElement(A + "fillRect"))),
                new XElement(Xdr + "spPr",
                    new XElement(A + "xfrm", new XElement(A + "off", new XAttribute("x", 0), new XAttribute("y", 0)), new XElement(A + "ext", new XAttribute("cx", cx), new XAttribute("cy", cy))),
                    new XElement(A + "prstGeom", new XAttribute("prst", "rect"), new XElement(A + "avLst")))),
            new XElement(Xdr + "clientData"));
    }

    private static byte[] Xml(XElement root)
    {
        using var bytes = new MemoryStream();
        new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), root).Save(bytes);
        return bytes.ToArray();
    }

    internal static void Write(ZipArchive zip, string path, byte[] content)
    {
        zip.GetEntry(path)?.Delete();
        using var entry = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
