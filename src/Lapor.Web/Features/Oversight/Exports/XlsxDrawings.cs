using System.IO.Compression;
using System.Xml.Linq;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>
/// Puts each sheet's <c>&lt;drawing&gt;</c> where the Office Open XML schema wants it. MiniExcel (1.46, and 1.47 still)
/// writes it inside <c>&lt;sheetData&gt;</c>, whose only children may be rows: Excel then offers to "repair" the
/// workbook, and a strict reader drops the drawing with its photos.
/// </summary>
public static class XlsxDrawings
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>
    /// The workbook with every sheet's drawing moved after the sheet's data and auto-filter (the last element
    /// MiniExcel writes; in the schema's order <c>drawing</c> follows both).
    /// </summary>
    public static byte[] PlacedAfterData(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                .Select(e => e.FullName).ToList();
            foreach (var path in sheets)
            {
                XDocument document;
                using (var read = zip.GetEntry(path)!.Open())
                {
                    document = XDocument.Load(read);
                }

                var root = document.Root!;
                var misplaced = root.Element(Main + "sheetData")?.Elements(Main + "drawing").ToList() ?? [];
                if (misplaced.Count == 0)
                {
                    continue;
                }

                foreach (var drawing in misplaced)
                {
                    drawing.Remove();
                    root.Add(drawing);
                }

                using var bytes = new MemoryStream();
                document.Save(bytes);
                XlsxPhotos.Write(zip, path, bytes.ToArray());
            }
        }

        return stream.ToArray();
    }
}
