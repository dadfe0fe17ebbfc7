using System.Globalization;
using Lapor.Web.Domain.Deadlines;
using Microsoft.VisualBasic.FileIO;

namespace Lapor.Web.Features.Administration.Holidays;

/// <summary>
/// Reads holidays from the files administrators have: a CSV (<c>tanggal,nama[,jenis]</c>, dates as
/// yyyy-MM-dd, jenis = National, JointLeave or Regional) or an iCalendar feed. Of a calendar only
/// all-day events are holidays (DTSTART;VALUE=DATE, or a timed event running from midnight to
/// midnight); a multi-day event gives one holiday per day. A timed event — a 09:00–11:00 meeting in
/// a shared office calendar — is not a day off: it is listed as skipped, with the reason, never imported.
/// </summary>
public static class HolidayFiles
{
    public sealed record Entry(DateOnly Date, string Name, HolidayKind Kind);

    /// <summary>Why an event in a calendar is not taken as a holiday.</summary>
    public enum SkipReason
    {
        /// <summary>It has a time of day: a meeting, not a day off.</summary>
        Timed,

        /// <summary>It repeats (RRULE): each year's holidays are entered as their own days.</summary>
        Recurring,
    }

    /// <summary>An event left out, with its name and when it was (as written in the file).</summary>
    public sealed record Skipped(string Name, DateTime Start, DateTime? End, SkipReason Reason);

    public sealed record Reading(IReadOnlyList<Entry> Days, IReadOnlyList<Skipped> Skipped);

    /// <summary>The days and the events left out, or null when the file is neither valid CSV nor iCalendar.</summary>
    public static Reading? Read(string fileName, string text)
    {
        try
        {
            return Path.GetExtension(fileName).Equals(".ics", StringComparison.OrdinalIgnoreCase) || text.TrimStart().StartsWith("BEGIN:VCALENDAR", StringComparison.Ordinal)
                ? ReadICalendar(text)
                : new Reading(ReadCsv(text), []);
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

    private static Reading ReadICalendar(string text)
    {
        var calendar = Ical.Net.Calendar.Load(text) ?? throw new FormatException("Not an iCalendar file.");
        var (days, skipped) = (new List<Entry>(), new List<Skipped>());
        foreach (var item in calendar.Events.OrderBy(e => e.DtStart?.Value))
        {
            var (start, end) = (item.DtStart ?? throw new FormatException("An event without DTSTART."), item.DtEnd);
            var name = string.IsNullOrWhiteSpace(item.Summary) ? "Libur" : item.Summary.Trim();
            var reason = item.RecurrenceRule is not null ? SkipReason.Recurring : WholeDays(start, end) ? (SkipReason?)null : SkipReason.Timed;
            if (reason is { } why)
            {
                skipped.Add(new Skipped(name, start.Value, end?.Value, why));
                continue;
            }

            var kind = name.Contains("cuti bersama", StringComparison.OrdinalIgnoreCase) ? HolidayKind.JointLeave : HolidayKind.National;
            var last = end is null ? start.Date : end.Date.AddDays(-1); // DTEND of an all-day event is the day after
            for (var day = start.Date; day <= last || day == start.Date; day = day.AddDays(1))
            {
                days.Add(new Entry(day, name, kind));
            }
        }

        return new Reading(days, skipped);
    }

    /// <summary>A date-only event, or a timed one from midnight to a later midnight (some exporters write whole days so).</summary>
    private static bool WholeDays(Ical.Net.DataTypes.CalDateTime start, Ical.Net.DataTypes.CalDateTime? end) =>
        !start.HasTime || (start.Time == TimeOnly.MinValue && end is { HasTime: true } && end.Time == TimeOnly.MinValue && end.Date > start.Date);
}
