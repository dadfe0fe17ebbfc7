using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Features.Administration.Holidays;

namespace Lapor.UnitTests.Features.Holidays;

public sealed class HolidayFilesTests
{
    [Fact]
    public void Read_Csv_WithHeaderQuotesAndKinds()
    {
        const string Csv = "tanggal,nama,jenis\n2027-01-01,Tahun Baru 2027 Masehi,National\n2027-02-08,\"Cuti bersama Imlek, 2578\",JointLeave\n2027-03-10;Hari Jadi Kabupaten;Regional\n";

        var entries = HolidayFiles.Read("libur-2027.csv", Csv)?.Days;

        Assert.NotNull(entries);
        Assert.Equal(
            [
                new HolidayFiles.Entry(new DateOnly(2027, 1, 1), "Tahun Baru 2027 Masehi", HolidayKind.National),
                new HolidayFiles.Entry(new DateOnly(2027, 2, 8), "Cuti bersama Imlek, 2578", HolidayKind.JointLeave),
                new HolidayFiles.Entry(new DateOnly(2027, 3, 10), "Hari Jadi Kabupaten", HolidayKind.Regional),
            ],
            entries);
    }

    [Theory]
    [InlineData("2027-01-01,Tahun Baru\n01/02/2027,Salah format\n")]
    [InlineData("2027-01-01,\n")]
    [InlineData("ini bukan daftar libur\nsama sekali\n")]
    public void Read_BadCsv_IsRefused(string csv)
    {
        Assert.Null(HolidayFiles.Read("libur.csv", csv));
    }

    [Fact]
    public void Read_ICalendar_AllDayEventsIncludingMultiDay()
    {
        const string Ics = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Uji//Libur//ID
            BEGIN:VEVENT
            UID:1@uji
            DTSTART;VALUE=DATE:20270101
            DTEND;VALUE=DATE:20270102
            SUMMARY:Tahun Baru 2027 Masehi
            END:VEVENT
            BEGIN:VEVENT
            UID:2@uji
            DTSTART;VALUE=DATE:20270309
            DTEND;VALUE=DATE:20270311
            SUMMARY:Cuti bersama Idul Fitri
            END:VEVENT
            END:VCALENDAR
            """;

        var entries = HolidayFiles.Read("libur.ics", Ics.Replace("\n", "\r\n", StringComparison.Ordinal))?.Days;

        Assert.NotNull(entries);
        Assert.Equal([new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 9), new DateOnly(2027, 3, 10)], entries.Select(e => e.Date));
        Assert.Equal([HolidayKind.National, HolidayKind.JointLeave, HolidayKind.JointLeave], entries.Select(e => e.Kind));
    }

    /// <summary>A shared office calendar: a 09:00–11:00 meeting once became a national holiday.</summary>
    [Fact]
    public void Read_ICalendar_TimedEventsAreSkippedWithTheReason_WholeDaySpansAndAllDayEventsAreKept()
    {
        const string Ics = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Uji//Kantor//ID
            BEGIN:VEVENT
            UID:rapat@uji
            DTSTART;TZID=Asia/Jakarta:20270112T090000
            DTEND;TZID=Asia/Jakarta:20270112T110000
            SUMMARY:Rapat koordinasi
            END:VEVENT
            BEGIN:VEVENT
            UID:libur@uji
            DTSTART;VALUE=DATE:20270113
            SUMMARY:Hari Jadi Kabupaten
            END:VEVENT
            BEGIN:VEVENT
            UID:sehari@uji
            DTSTART:20270114T000000
            DTEND:20270116T000000
            SUMMARY:Libur daerah dua hari
            END:VEVENT
            BEGIN:VEVENT
            UID:ulang@uji
            DTSTART;VALUE=DATE:20270201
            RRULE:FREQ=YEARLY
            SUMMARY:Hari berulang
            END:VEVENT
            END:VCALENDAR
            """;

        var reading = HolidayFiles.Read("kantor.ics", Ics.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.NotNull(reading);
        Assert.Equal([new DateOnly(2027, 1, 13), new DateOnly(2027, 1, 14), new DateOnly(2027, 1, 15)], reading.Days.Select(e => e.Date));
        Assert.Equal(
            [("Rapat koordinasi", HolidayFiles.SkipReason.Timed, new DateTime(2027, 1, 12, 9, 0, 0)), ("Hari berulang", HolidayFiles.SkipReason.Recurring, new DateTime(2027, 2, 1))],
            reading.Skipped.Select(s => (s.Name, s.Reason, s.Start)));
    }
}
