using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Outreach;

namespace Lapor.UnitTests.Domain.Agencies;

public sealed class LiaisonDecreeTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData("188.4/021/KPTS/2026", "2026-02-03", null)]
    [InlineData("188.4/021/KPTS/2026", "2026-12-02", null)]
    [InlineData(null, null, null)]
    [InlineData("  ", null, null)]
    [InlineData("188.4/021/KPTS/2026", null, DecreeProblem.Incomplete)]
    [InlineData(null, "2026-02-03", DecreeProblem.Incomplete)]
    [InlineData("188.4/021/KPTS/2026", "2026-12-03", DecreeProblem.DateOutOfRange)]
    [InlineData("188.4/021/KPTS/2026", "1999-12-31", DecreeProblem.DateOutOfRange)]
    public void Problem_AsksForNumberAndDateTogether_AndADayAlreadyPassed(string? number, string? date, DecreeProblem? expected)
    {
        Assert.Equal(expected, LiaisonDecree.Problem(number, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Today));
    }

    [Fact]
    public void Problem_RefusesANumberLongerThanTheColumn()
    {
        Assert.Equal(DecreeProblem.NumberTooLong, LiaisonDecree.Problem(new string('1', LiaisonDecree.MaxNumberLength + 1), Today, Today));
        Assert.Null(LiaisonDecree.Problem(new string('1', LiaisonDecree.MaxNumberLength), Today, Today));
    }

    [Fact]
    public void Covering_IsTheAgencysOwn_ElseASubUnitsParents_ElseMissing()
    {
        var own = new DateOnly(2026, 1, 12);
        Assert.Equal((DecreeStanding.Own, "A/1", (DateOnly?)own), LiaisonDecree.Covering(AgencyKind.SubUnit, "A/1", own, "P/1", own));
        Assert.Equal((DecreeStanding.Parent, "P/1", (DateOnly?)own), LiaisonDecree.Covering(AgencyKind.SubUnit, null, null, "P/1", own));
        // An OPD is never covered by the region's decree: it needs its own.
        Assert.Equal((DecreeStanding.Missing, (string?)null, (DateOnly?)null), LiaisonDecree.Covering(AgencyKind.Opd, null, null, "P/1", own));
        Assert.Equal((DecreeStanding.Missing, (string?)null, (DateOnly?)null), LiaisonDecree.Covering(AgencyKind.SubUnit, null, null, null, null));
    }

    [Theory]
    [InlineData("Bimtek", "Operator OPD", 35, "2026-11-10", null)]
    [InlineData("", "Operator OPD", 35, "2026-11-10", OutreachProblem.Title)]
    [InlineData("Bimtek", " ", 35, "2026-11-10", OutreachProblem.Audience)]
    [InlineData("Bimtek", "Operator OPD", 0, "2026-11-10", OutreachProblem.Participants)]
    [InlineData("Bimtek", "Operator OPD", 100_001, "2026-11-10", OutreachProblem.Participants)]
    [InlineData("Bimtek", "Operator OPD", null, "2026-11-10", OutreachProblem.Participants)]
    [InlineData("Bimtek", "Operator OPD", 35, "2026-12-03", OutreachProblem.Date)]
    [InlineData("Bimtek", "Operator OPD", 35, null, OutreachProblem.Date)]
    public void OutreachEvent_IsALogOfWhatHappened(string title, string audience, int? participants, string? heldOn, OutreachProblem? expected)
    {
        Assert.Equal(expected, OutreachEvent.Problem(title, audience, participants, heldOn is null ? null : DateOnly.Parse(heldOn, System.Globalization.CultureInfo.InvariantCulture), Today));
    }

    [Fact]
    public void OutreachEvent_RefusesATitleLongerThanItsColumn()
    {
        Assert.Equal(OutreachProblem.Title, OutreachEvent.Problem(new string('x', OutreachEvent.MaxTitleLength + 1), "Warga", 10, Today, Today));
    }

    [Theory]
    [InlineData(true, 1, 0, true)]
    [InlineData(true, 0, 3, true)]
    [InlineData(true, 0, 0, false)]
    [InlineData(false, 4, 4, false)]
    public void AnOfficerIsActive_WhenEnabledAndSignedInOrActedInThePeriod(bool enabled, int signIns, int actions, bool expected)
    {
        Assert.Equal(expected, OfficerActivity.IsActive(enabled, signIns, actions));
    }

    [Fact]
    public void AnAgencyIsConnected_WithOneEnabledOfficer()
    {
        Assert.True(OfficerActivity.IsConnected([false, true]));
        Assert.False(OfficerActivity.IsConnected([false]));
        Assert.False(OfficerActivity.IsConnected([]));
    }

    [Fact]
    public void MeanRating_IsRoundedToOnePlace_AndNullWithoutRatings()
    {
        Assert.Equal(4.3m, Rates.Mean(13, 3));
        Assert.Null(Rates.Mean(0, 0));
    }
}
