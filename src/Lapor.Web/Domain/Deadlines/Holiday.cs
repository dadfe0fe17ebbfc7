namespace Lapor.Web.Domain.Deadlines;

public enum HolidayKind
{
    National,
    JointLeave,
    Regional,
}

/// <summary>A day that is not a working day (libur nasional, cuti bersama, regional holiday).</summary>
public sealed class Holiday
{
    private Holiday() { }

    public Holiday(DateOnly date, string name, HolidayKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Date = date;
        Name = name.Trim();
        Kind = kind;
    }

    public int Id { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
    public HolidayKind Kind { get; private set; }
}
