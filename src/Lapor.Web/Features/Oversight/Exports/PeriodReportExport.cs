using System.Data;
using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>The period report's tables (<see cref="PeriodTables"/>) as an XLSX workbook, one sheet per table, or as CSV, one block per table.</summary>
public static class PeriodReportExport
{
    /// <summary>The long side of a photo on its sheet, in pixels: a photo per screen, and a pack of phone photos stays small.</summary>
    private const int PhotoSide = 480;

    /// <summary>Excel's default row height (15 points) in pixels: how many rows a photo covers.</summary>
    private const int RowPixels = 20;

    /// <summary>
    /// One sheet per table, headers in the reader's language. Cells keep their numbers and carry a number
    /// format, so a rate is 0.333 in the cell and 33.3% (33,3% in Indonesian Excel) on screen. Photos, if any,
    /// come embedded on a sheet of their own after the tables (named by their section), each under its caption.
    /// </summary>
    public static async Task<byte[]> XlsxAsync(IReadOnlyList<PeriodTables.Table> tables, CancellationToken cancellationToken, IReadOnlyList<PeriodPdf.Picture>? pictures = null)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in tables)
        {
            sheets[SheetName(table.Name)] = DataTable(table);
        }

        // MiniExcel applies a column's format by its header, in every sheet: one header, one kind.
        var formats = tables.SelectMany(t => t.Columns).Where(c => NumberFormat(c.Kind) is not null).DistinctBy(c => c.Header).ToList();
        List<DynamicExcelColumn> columns = [.. formats.Select(c => new DynamicExcelColumn(c.Header) { Format = NumberFormat(c.Kind), Width = c.Kind == PeriodTables.Kind.Rate ? 16 : 12 })];
        var (photoSheet, placed) = PhotoSheet(pictures ?? []);
        if (photoSheet is not null)
        {
            sheets[photoSheet.TableName] = photoSheet;
            columns.Add(new DynamicExcelColumn(photoSheet.Columns[0].ColumnName) { Width = 80 });
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, configuration: new OpenXmlConfiguration { DynamicColumns = [.. columns] }, cancellationToken: cancellationToken);

        var workbook = XlsxDrawings.PlacedAfterData(stream.ToArray());

        // The photo sheet is the last one written.
        return placed.Count > 0 ? XlsxPhotos.Embed(workbook, sheets.Count, placed) : workbook;
    }

    /// <summary>The photos' sheet: a caption row, then the photo anchored under it over as many empty rows as it is tall.</summary>
    private static (DataTable? Sheet, List<XlsxPhotos.Placed> Placed) PhotoSheet(IReadOnlyList<PeriodPdf.Picture> pictures)
    {
        var photos = pictures.Select(p => (p.Caption, Photo: ExportPicture.Jpeg(p.Image, PhotoSide))).Where(p => p.Photo is not null).Select(p => (p.Caption, Photo: p.Photo!)).ToList();
        if (photos.Count == 0)
        {
            return (null, []);
        }

        var name = SheetName(pictures[0].Section);
        var sheet = new DataTable(name);
        sheet.Columns.Add(pictures[0].Section, typeof(string));
        var placed = new List<XlsxPhotos.Placed>();
        foreach (var (caption, photo) in photos)
        {
            sheet.Rows.Add(caption);

            // Row 0 is the header, so the caption just added is row Count (zero-based) and the photo starts on the next.
            placed.Add(new XlsxPhotos.Placed(sheet.Rows.Count + 1, photo));
            for (var i = 0; i <= (photo.Height + RowPixels - 1) / RowPixels; i++)
            {
                sheet.Rows.Add(DBNull.Value);
            }
        }

        return (sheet, placed);
    }

    /// <summary>The tables one after another, a blank line between; the summary as label and value.</summary>
    public static byte[] Csv(IReadOnlyList<PeriodTables.Table> tables, CsvDialect csv)
    {
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            if (text.Length > 0)
            {
                text.Append(CsvDialect.LineBreak);
            }

            // The summary (first) reads as label and value, the others as tables with a header line.
            if (table == tables[0])
            {
                foreach (var (label, value, kind) in PeriodTables.Figures(table))
                {
                    text.Append(csv.Line([label, Format(csv, value, kind)])).Append(CsvDialect.LineBreak);
                }

                continue;
            }

            text.Append(csv.Line(table.Columns.Select(c => c.Header))).Append(CsvDialect.LineBreak);
            foreach (var row in table.Rows)
            {
                text.Append(csv.Line(row.Select((value, i) => Format(csv, value, table.Columns[i].Kind)))).Append(CsvDialect.LineBreak);
            }
        }

        return [.. CsvDialect.Encoding.GetPreamble(), .. CsvDialect.Encoding.GetBytes(text.ToString())];
    }

    private static string Format(CsvDialect csv, object? value, PeriodTables.Kind kind) => value switch
    {
        null => "",
        decimal rate when kind == PeriodTables.Kind.Rate => csv.Percent(rate),
        decimal number => csv.Number(number),
        int count => csv.Number(count),
        DateOnly day when kind == PeriodTables.Kind.Day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly month => month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string? NumberFormat(PeriodTables.Kind kind) => kind switch
    {
        PeriodTables.Kind.Rate => "0.0%",
        PeriodTables.Kind.Days => "0.0",
        PeriodTables.Kind.Count => "#,##0",
        PeriodTables.Kind.Month => "yyyy-mm",
        PeriodTables.Kind.Day => "yyyy-mm-dd",
        _ => null,
    };

    private static DataTable DataTable(PeriodTables.Table table)
    {
        // A DataTable, so that a sheet without rows still has its headers.
        var data = new DataTable(table.Name);
        foreach (var column in table.Columns)
        {
            data.Columns.Add(column.Header, column.Kind switch
            {
                PeriodTables.Kind.Rate or PeriodTables.Kind.Days => typeof(decimal),
                PeriodTables.Kind.Count => typeof(int),
                PeriodTables.Kind.Month or PeriodTables.Kind.Day => typeof(DateTime),
                _ => typeof(object),
            });
        }

        foreach (var row in table.Rows)
        {
            data.Rows.Add([.. row.Select(v => v switch { null => DBNull.Value, DateOnly month => month.ToDateTime(TimeOnly.MinValue), _ => v })]);
        }

        return data;
    }

    /// <summary>Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => !@":\/?*[]".Contains(c, StringComparison.Ordinal))]).Trim();
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
