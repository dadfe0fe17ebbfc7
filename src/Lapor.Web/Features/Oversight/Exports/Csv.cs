using System.Globalization;
using System.Text;

namespace Lapor.Web.Features.Oversight.Exports;

/// <summary>
/// Which CSV a download is: <see cref="Comma"/> (RFC 4180, numbers with a decimal point: Excel with English
/// settings, LibreOffice, scripts) or <see cref="Semicolon"/> (numbers with a decimal comma: what Excel with
/// Indonesian regional settings opens into columns on a double click). Chosen by <c>?separator=</c>.
/// </summary>
public enum CsvSeparator
{
    Comma,
    Semicolon,
}

/// <summary>Writes CSV fields and values for one <see cref="CsvSeparator"/>. Both variants start with a UTF-8 BOM so Excel reads the text as UTF-8.</summary>
public sealed class CsvDialect
{
    /// <summary>Local times as Excel reads a date-time in any regional setting: ISO date, 24-hour time (the colon quoted, as Indonesian formatting would write a dot).</summary>
    public const string DateTimeFormat = "yyyy-MM-dd HH':'mm";

    /// <summary>Lines end in CR LF (RFC 4180).</summary>
    public const string LineBreak = "\r\n";

    public static readonly CsvDialect Comma = new(',', CultureInfo.InvariantCulture);
    public static readonly CsvDialect Semicolon = new(';', CultureInfo.GetCultureInfo("id"));

    private readonly char _separator;
    private readonly CultureInfo _numbers;

    private CsvDialect(char separator, CultureInfo numbers) => (_separator, _numbers) = (separator, numbers);

    public static UTF8Encoding Encoding { get; } = new(encoderShouldEmitUTF8Identifier: true);

    public static CsvDialect For(CsvSeparator separator) => separator == CsvSeparator.Semicolon ? Semicolon : Comma;

    /// <summary>One line of fields, each made safe by <see cref="Field"/>, without the line break.</summary>
    public string Line(IEnumerable<string> fields) => string.Join(_separator, fields.Select(Field));

    /// <summary>A count or a number of days: 4.5 or 4,5.</summary>
    public string Number(decimal? value) => value?.ToString("0.##", _numbers) ?? "";

    /// <summary>A rate as Excel reads a percentage: 33.3% or 33,3% (the cell then holds 0.333, shown as a percentage).</summary>
    public string Percent(decimal? value) => value?.ToString("0.0%", _numbers) ?? "";

    /// <summary>
    /// One CSV field, safe against formula injection: text starting with = + - @ or a control
    /// character is prefixed with an apostrophe so a spreadsheet shows it instead of running it.
    /// A field holding this file's separator, a quote or a line break is quoted (RFC 4180).
    /// </summary>
    public string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([_separator, '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
