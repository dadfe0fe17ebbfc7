using Lapor.Web.Domain.Deadlines;

namespace Lapor.Web.Operations;

/// <summary>
/// Indonesia's days off for 2026 as set by the joint decree (SKB Menteri Agama, Menteri
/// Ketenagakerjaan and Menteri PANRB No. 1497, 2 and 5 of 2025): 17 national holidays and
/// 8 days of cuti bersama. Seeded once; administrators maintain the table afterwards.
/// </summary>
public static class NationalHolidays
{
    /// <summary>New instances every call: entities must not be shared between database contexts.</summary>
    public static IReadOnlyList<Holiday> Year2026() =>
    [
        new(new DateOnly(2026, 1, 1), "Tahun Baru 2026 Masehi", HolidayKind.National),
        new(new DateOnly(2026, 1, 16), "Isra Mikraj Nabi Muhammad SAW", HolidayKind.National),
        new(new DateOnly(2026, 2, 16), "Cuti bersama Tahun Baru Imlek", HolidayKind.JointLeave),
        new(new DateOnly(2026, 2, 17), "Tahun Baru Imlek 2577 Kongzili", HolidayKind.National),
        new(new DateOnly(2026, 3, 18), "Cuti bersama Hari Suci Nyepi", HolidayKind.JointLeave),
        new(new DateOnly(2026, 3, 19), "Hari Suci Nyepi (Tahun Baru Saka 1948)", HolidayKind.National),
        new(new DateOnly(2026, 3, 20), "Cuti bersama Idul Fitri 1447 H", HolidayKind.JointLeave),
        new(new DateOnly(2026, 3, 21), "Idul Fitri 1447 H", HolidayKind.National),
        new(new DateOnly(2026, 3, 22), "Idul Fitri 1447 H", HolidayKind.National),
        new(new DateOnly(2026, 3, 23), "Cuti bersama Idul Fitri 1447 H", HolidayKind.JointLeave),
        new(new DateOnly(2026, 3, 24), "Cuti bersama Idul Fitri 1447 H", HolidayKind.JointLeave),
        new(new DateOnly(2026, 4, 3), "Wafat Yesus Kristus", HolidayKind.National),
        new(new DateOnly(2026, 4, 5), "Kebangkitan Yesus Kristus (Paskah)", HolidayKind.National),
        new(new DateOnly(2026, 5, 1), "Hari Buruh Internasional", HolidayKind.National),
        new(new DateOnly(2026, 5, 14), "Kenaikan Yesus Kristus", HolidayKind.National),
        new(new DateOnly(2026, 5, 15), "Cuti bersama Kenaikan Yesus Kristus", HolidayKind.JointLeave),
        new(new DateOnly(2026, 5, 27), "Idul Adha 1447 H", HolidayKind.National),
        new(new DateOnly(2026, 5, 28), "Cuti bersama Idul Adha 1447 H", HolidayKind.JointLeave),
        new(new DateOnly(2026, 5, 31), "Hari Raya Waisak 2570 BE", HolidayKind.National),
        new(new DateOnly(2026, 6, 1), "Hari Lahir Pancasila", HolidayKind.National),
        new(new DateOnly(2026, 6, 16), "1 Muharam Tahun Baru Islam 1448 H", HolidayKind.National),
        new(new DateOnly(2026, 8, 17), "Proklamasi Kemerdekaan Republik Indonesia", HolidayKind.National),
        new(new DateOnly(2026, 8, 25), "Maulid Nabi Muhammad SAW", HolidayKind.National),
        new(new DateOnly(2026, 12, 24), "Cuti bersama Kelahiran Yesus Kristus", HolidayKind.JointLeave),
        new(new DateOnly(2026, 12, 25), "Kelahiran Yesus Kristus", HolidayKind.National),
    ];
}
