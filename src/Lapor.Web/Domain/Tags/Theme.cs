namespace Lapor.Web.Domain.Tags;

/// <summary>
/// A time-boxed theme (an election, school admissions, the holiday exodus) citizens may choose when
/// they file while it runs; choosing attaches the theme's tag to the report. The dates are days of
/// the region's calendar, both included.
/// </summary>
public sealed class Theme
{
    public const int MaxNameLength = 80;
    public const int MaxDescriptionLength = 300;

    private Theme() { }

    public Theme(string nameId, string nameEn, string description, DateOnly startsOn, DateOnly endsOn, int tagId)
    {
        if (string.IsNullOrWhiteSpace(nameId) || string.IsNullOrWhiteSpace(nameEn))
        {
            throw new DomainException("Theme.NameRequired");
        }

        if (endsOn < startsOn)
        {
            throw new DomainException("Theme.EndsBeforeStart");
        }

        NameId = nameId.Trim();
        NameEn = nameEn.Trim();
        Description = description?.Trim() ?? "";
        StartsOn = startsOn;
        EndsOn = endsOn;
        TagId = tagId;
    }

    public int Id { get; private set; }
    public string NameId { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public int TagId { get; private set; }

    /// <summary>Whether it runs on <paramref name="today"/>, a day of the region's calendar (start and end included).</summary>
    public bool RunsOn(DateOnly today) => StartsOn <= today && today <= EndsOn;

    /// <summary>Whether it runs at <paramref name="now"/>, read as a day in <paramref name="regionZone"/>.</summary>
    public bool RunsAt(DateTimeOffset now, TimeZoneInfo regionZone) =>
        RunsOn(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, regionZone).DateTime));

    /// <summary>The name in the reader's language (Indonesian unless English is asked for).</summary>
    public string Name(string uiLanguage) => uiLanguage == "en" ? NameEn : NameId;

    /// <summary>Closes it before its planned end (from tomorrow on it is no longer offered).</summary>
    public void EndOn(DateOnly lastDay) => EndsOn = lastDay < StartsOn ? StartsOn : lastDay;
}
