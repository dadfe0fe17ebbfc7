using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>
/// The period report as a portrait A4 PDF: title, period, scope, the summary figures, then the per-agency and
/// trend tables, each continued across pages under a repeated header. Drawn with PDFsharp and the embedded
/// <see cref="PdfFonts"/>, so no browser or system font is needed.
/// </summary>
public static class PeriodPdf
{
    private const double Margin = 42; // about 15 mm
    private const double CellPadding = 3;

    /// <summary>Photos are drawn at most this many pixels on their long side: sharp on A4, and a pack of phone photos stays small.</summary>
    private const int PictureSide = 1600;

    /// <summary>What the page says besides the tables: title, period, scope, when it was made, and the note under the figures.</summary>
    public sealed record Heading(string Title, string Period, string Scope, string Generated, string Note, Func<int, int, string> PageOf);

    /// <summary>A photo (JPEG or PNG, already checked and stripped of metadata) and its caption, drawn after the tables under <paramref name="Section"/>.</summary>
    public sealed record Picture(string Section, string Caption, byte[] Image);

    public static byte[] Render(Heading heading, IReadOnlyList<PeriodTables.Table> tables, IReadOnlyList<Picture>? pictures = null)
    {
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = heading.Title;
        var writer = new Writer(document);

        writer.Paragraph(heading.Title, writer.TitleFont, after: 6);
        writer.Paragraph(heading.Period, writer.TextFont);
        writer.Paragraph(heading.Scope, writer.TextFont);
        writer.Paragraph(heading.Generated, writer.SmallFont, after: 10);

        var summary = tables[0];
        writer.Table(summary.Name, [new(summary.Columns[0].Header, PeriodTables.Kind.General), new(summary.Columns[1].Header, PeriodTables.Kind.General)],
            [.. PeriodTables.Figures(summary).Select(f => new[] { f.Label, PeriodTables.Display(f.Value, f.Kind) })], labelShare: 0.7);
        foreach (var table in tables.Skip(1))
        {
            writer.Table(table.Name, table.Columns, [.. table.Rows.Select(row => row.Select((value, i) => PeriodTables.Display(value, table.Columns[i].Kind)).ToArray())]);
        }

        writer.Paragraph(heading.Note, writer.SmallFont);
        foreach (var (picture, i) in (pictures ?? []).Select((p, i) => (p, i)))
        {
            writer.Picture(i == 0 ? picture.Section : null, picture.Caption, picture.Image);
        }

        writer.Finish(heading.PageOf);

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    /// <summary>Lays text and tables down the pages, starting a new page when the next line or row does not fit.</summary>
    private sealed class Writer
    {
        private readonly PdfDocument _document;
        public XFont TitleFont { get; } = new(PdfFonts.Family, 15, XFontStyleEx.Bold);
        public XFont TextFont { get; } = new(PdfFonts.Family, 10);
        public XFont SmallFont { get; } = new(PdfFonts.Family, 8);

        private readonly XFont _cell = new(PdfFonts.Family, 8.5);
        private readonly XFont _header = new(PdfFonts.Family, 7.5, XFontStyleEx.Bold);
        private readonly XFont _caption = new(PdfFonts.Family, 11, XFontStyleEx.Bold);
        private XGraphics _page;
        private double _y;
        private double _width;
        private double _bottom;

        public Writer(PdfDocument document)
        {
            _document = document;
            _page = NewPage();
        }

        public void Paragraph(string text, XFont font, double after = 2)
        {
            var lines = Wrap(text, font, _width);
            foreach (var line in lines)
            {
                Room(font.Height);
                _page.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, _width, font.Height), XStringFormats.TopLeft);
                _y += font.Height;
            }

            _y += after;
        }

        /// <summary>A table with its caption; text columns left, numbers right; the header again on each page it continues on.</summary>
        public void Table(string caption, IReadOnlyList<PeriodTables.Column> columns, IReadOnlyList<string[]> rows, double labelShare = 0)
        {
            var widths = Widths(columns, labelShare);
            var header = columns.Select(c => c.Header).ToArray();
            var headerHeight = RowHeight(header, widths, _header);

            // Caption, header and the first row stay together.
            Room(_caption.Height + 4 + headerHeight + (rows.Count > 0 ? RowHeight(rows[0], widths, _cell) : 0));
            _page.DrawString(caption, _caption, XBrushes.Black, new XRect(Margin, _y, _width, _caption.Height), XStringFormats.TopLeft);
            _y += _caption.Height + 4;
            Row(header, columns, widths, _header, XBrushes.Gainsboro);
            foreach (var row in rows)
            {
                if (!Fits(RowHeight(row, widths, _cell)))
                {
                    NextPage();
                    Row(header, columns, widths, _header, XBrushes.Gainsboro);
                }

                Row(row, columns, widths, _cell, null);
            }

            _y += 12;
        }

        /// <summary>A photo scaled to the page's width and at most a third of its height, its caption under it; a photo that cannot be read is left out.</summary>
        public void Picture(string? section, string caption, byte[] bytes)
        {
            if (ExportPicture.Jpeg(bytes, PictureSide) is not { } picture)
            {
                return;
            }

            using var image = XImage.FromStream(new MemoryStream(picture.Bytes));
            var scale = Math.Min(_width / image.PointWidth, (_bottom - Margin) / 3 / image.PointHeight);
            var (width, height) = (image.PointWidth * scale, image.PointHeight * scale);
            var captionHeight = Wrap(caption, SmallFont, _width).Count * SmallFont.Height;
            Room((section is null ? 0 : _caption.Height + 4) + height + captionHeight + 4);
            if (section is not null)
            {
                _page.DrawString(section, _caption, XBrushes.Black, new XRect(Margin, _y, _width, _caption.Height), XStringFormats.TopLeft);
                _y += _caption.Height + 4;
            }

            _page.DrawImage(image, Margin, _y, width, height);
            _y += height + 2;

            Paragraph(caption, SmallFont, after: 10);
        }

        /// <summary>Numbers each page at its foot once the last page is known.</summary>
        public void Finish(Func<int, int, string> pageOf)
        {
            _page.Dispose();
            for (var i = 0; i < _document.PageCount; i++)
            {
                using var page = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
                                page.DrawString(pageOf(i + 1, _document.PageCount), SmallFont, XBrushes.Gray, new XRect(Margin, _bottom + 10, _width, SmallFont.Height), XStringFormats.TopRight);
            }
        }

        private void NextPage()
        {
            _page.Dispose();
            _page = NewPage();
        }

        private XGraphics NewPage()
        {
            var page = _document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            _width = page.Width.Point - (2 * Margin);
            _bottom = page.Height.Point - Margin - 14;
            _y = Margin;
            return XGraphics.FromPdfPage(page);
        }

        private bool Fits(double height) => _y + height <= _bottom;

        private void Room(double height)
        {
            if (!Fits(height))
            {
                NextPage();
            }
        }

        private void Row(string[] cells, IReadOnlyList<PeriodTables.Column> columns, double[] widths, XFont font, XBrush? fill)
        {
            var height = RowHeight(cells, widths, font);
            var x = Margin;
            if (fill is not null)
            {
                _page.DrawRectangle(fill, Margin, _y, widths.Sum(), height);
            }

            for (var i = 0; i < cells.Length; i++)
            {
                var numeric = columns[i].Kind is PeriodTables.Kind.Count or PeriodTables.Kind.Days or PeriodTables.Kind.Rate;
                var lineY = _y + CellPadding;
                foreach (var line in Wrap(cells[i], font, widths[i] - (2 * CellPadding)))
                {
                    _page.DrawString(line, font, XBrushes.Black, new XRect(x + CellPadding, lineY, widths[i] - (2 * CellPadding), font.Height), numeric ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    lineY += font.Height;
                }

                x += widths[i];
            }

            _y += height;
            _page.DrawLine(XPens.LightGray, Margin, _y, Margin + widths.Sum(), _y);
        }

        private double RowHeight(string[] cells, double[] widths, XFont font) =>
            (cells.Select((text, i) => Wrap(text, font, widths[i] - (2 * CellPadding)).Count).Max() * font.Height) + (2 * CellPadding);

        /// <summary>
        /// The first column takes <paramref name="labelShare"/> of the width, the rest shared evenly; or each column its
        /// own width (a number's when not given) and the first without one what the others leave (at least a quarter).
        /// </summary>
        private double[] Widths(IReadOnlyList<PeriodTables.Column> columns, double labelShare)
        {
            var width = _width;
            if (labelShare > 0)
            {
                var label = width * labelShare;
                return [label, .. Enumerable.Repeat((width - label) / Math.Max(1, columns.Count - 1), columns.Count - 1)];
            }

            var flexible = Math.Max(0, columns.ToList().FindIndex(c => c.Width <= 0));
            var widths = columns.Select((c, i) => i == flexible ? 0 : c.Width > 0 ? c.Width : 58).ToArray();
            widths[flexible] = Math.Max(width / 4, width - widths.Sum());
            return widths;
        }

        /// <summary>Breaks text at spaces into lines no wider than <paramref name="width"/> (a longer word keeps its own line).</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && Measure(candidate, font) > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            lines.Add(line);
            return lines;
        }

        private double Measure(string text, XFont font) => _page.MeasureString(text, font).Width;
    }
}
