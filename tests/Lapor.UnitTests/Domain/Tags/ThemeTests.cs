using Lapor.Web.Domain;
using Lapor.Web.Domain.Tags;

namespace Lapor.UnitTests.Domain.Tags;

public sealed class ThemeTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");
    private static readonly TimeZoneInfo Jayapura = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jayapura");

    private static Theme Mudik() => new("Mudik Lebaran", "Holiday exodus", "Jalan dan angkutan mudik", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 25), 1);

    [Theory]
    [InlineData("2026-03-09", false)]
    [InlineData("2026-03-10", true)]
    [InlineData("2026-03-17", true)]
    [InlineData("2026-03-25", true)]
    [InlineData("2026-03-26", false)]
    public void RunsFromItsStartToItsEnd_BothIncluded(string day, bool runs) =>
        Assert.Equal(runs, Mudik().RunsOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void TheDayIsTheRegionsDay_NotUtcs()
    {
        // 2026-03-09 17:30 UTC is already 10 March in Jakarta (UTC+7), but 25 March 17:30 UTC is the 26th there.
        Assert.False(Mudik().RunsOn(new DateOnly(2026, 3, 9)));
        Assert.True(Mudik().RunsAt(new DateTimeOffset(2026, 3, 9, 17, 30, 0, TimeSpan.Zero), Jakarta));
        Assert.True(Mudik().RunsAt(new DateTimeOffset(2026, 3, 25, 16, 59, 0, TimeSpan.Zero), Jakarta));
        Assert.False(Mudik().RunsAt(new DateTimeOffset(2026, 3, 25, 17, 0, 0, TimeSpan.Zero), Jakarta));

        // The same instant is still the 9th in UTC, and already the 10th in Jayapura (UTC+9) from 15:00 UTC.
        Assert.False(Mudik().RunsAt(new DateTimeOffset(2026, 3, 9, 14, 59, 0, TimeSpan.Zero), Jayapura));
        Assert.True(Mudik().RunsAt(new DateTimeOffset(2026, 3, 9, 15, 0, 0, TimeSpan.Zero), Jayapura));
    }

    [Fact]
    public void AOneDayTheme_RunsThatDayOnly()
    {
        var election = new Theme("Pilkada", "Regional election", "", new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27), 2);
        Assert.True(election.RunsOn(new DateOnly(2026, 11, 27)));
        Assert.False(election.RunsOn(new DateOnly(2026, 11, 26)));
        Assert.False(election.RunsOn(new DateOnly(2026, 11, 28)));
    }

    [Fact]
    public void EndingBeforeItStarts_OrWithoutANameInBothLanguages_IsRefused()
    {
        Assert.Equal("Theme.EndsBeforeStart", Assert.Throws<DomainException>(() =>
            new Theme("PPDB", "School admissions", "", new DateOnly(2026, 6, 10), new DateOnly(2026, 6, 9), 1)).Code);
        Assert.Equal("Theme.NameRequired", Assert.Throws<DomainException>(() =>
            new Theme("PPDB", " ", "", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 9), 1)).Code);
    }

    [Fact]
    public void EndedEarly_IsNoLongerOfferedFromTheNextDay()
    {
        var theme = Mudik();
        theme.EndOn(new DateOnly(2026, 3, 12));
        Assert.True(theme.RunsOn(new DateOnly(2026, 3, 12)));
        Assert.False(theme.RunsOn(new DateOnly(2026, 3, 13)));
    }

    [Fact]
    public void NameFollowsTheReadersLanguage() =>
        Assert.Equal(("Mudik Lebaran", "Holiday exodus"), (Mudik().Name("id"), Mudik().Name("en")));
}

public sealed class TagLabelTests
{
    [Theory]
    [InlineData("banjir-2026", "banjir-2026")]
    [InlineData("  Jalan-Provinsi ", "jalan-provinsi")]
    [InlineData("PPDB", "ppdb")]
    public void ALabel_IsKeptInLowerCase(string typed, string stored)
    {
        Assert.Equal(stored, TagLabel.Normalize(typed, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null, "Tag.Required")]
    [InlineData("   ", "Tag.Required")]
    [InlineData("banjir 2026", "Tag.BadShape")]
    [InlineData("-banjir", "Tag.BadShape")]
    [InlineData("banjir--2026", "Tag.BadShape")]
    [InlineData("<b>", "Tag.BadShape")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "Tag.TooLong")]
    public void ABadLabel_SaysWhatIsWrong(string? typed, string code)
    {
        Assert.Null(TagLabel.Normalize(typed, out var error));
        Assert.Equal(code, error);
    }
}
