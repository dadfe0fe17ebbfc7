using System.Globalization;
using Lapor.Web.Domain.Deadlines;
using Microsoft.VisualBasic.FileIO;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>
/// Reads holidays from the files administrators have: a CSV (<c>tanggal,nama[,jenis]</c>, dates as
/// yyyy-MM-dd, jenis = National, JointLeave or Regional) or an iCalendar feed (all-day events; a
/// multi-day event gives one holiday per day).
/// </summary>
public static class HolidayFiles
{
    public sealed record Entry(DateOnly Date, string Name, HolidayKind Kind);

    /// <summary>The entries, or null when the file is neither valid CSV nor iCalendar.</summary>
    public static IReadOnlyList<Entry>? Read(string fileName, string text)
    {
        try
        {
            return Path.GetExtension(fileName).Equals(".ics", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith("BEGIN:VCALENDAR", StringComparison.Ordinal)
                ? ReadICalendar(text)
                : ReadCsv(text);
        }
        catch (Exception error) when (error is FormatException or MalformedLineException or ArgumentException or InvalidOperationException or NullReferenceException)
        {
            return null;
        }
    }

    private static List<Entry> ReadCsv(string text)
    {
        // The framework's own CSV reader handles quoted names with commas in them.
        using var csv = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = true };
        csv.SetDelimiters(",", ";");
        var entries = new List<Entry>();
        var row = 0;
        while (csv.ReadFields() is { } fields)
        {
            row++;
            if (fields is [] or [""])
            {
                continue;
            }

            if (!DateOnly.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                // A header row ("tanggal,nama") is allowed; anything else that is not a date is an error.
                if (row == 1)
                {
                    continue;
                }

                throw new FormatException($"Row {row}: '{fields[0]}' is not a yyyy-MM-dd date.");
            }

            var name = fields.Length > 1 && !string.IsNullOrWhiteSpace(fields[1]) ? fields[1] : throw new FormatException($"Row {row}: no name.");
            var kind = fields.Length > 2 && Enum.TryParse<HolidayKind>(fields[2], ignoreCase: true, out var parsed) ? parsed : HolidayKind.National;
            entries.Add(new Entry(date, name, kind));
        }

        return entries;
    }

    private static List<Entry> ReadICalendar(string text)
    {
        var calendar = Ical.Net.Calendar.Load(text) ?? throw new FormatException("Not an iCalendar file.");
        var entries = new List<Entry>();
        foreach (var item in calendar.Events)
        {
            var start = DateOnly.FromDateTime(item.DtStart!.Value);
            var end = item.DtEnd is { } dtEnd ? DateOnly.FromDateTime(dtEnd.Value) : start.AddDays(1);
            var kind = item.Summary?.Contains("cuti bersama", StringComparison.OrdinalIgnoreCase) == true ? HolidayKind.JointLeave : HolidayKind.National;
            for (var day = start; day < end || day == start; day = day.AddDays(1))
            {
                entries.Add(new Entry(day, item.Summary ?? "Libur", kind));
            }
        }

        return entries;
    }
}
