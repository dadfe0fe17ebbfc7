using Lapor.Web.Domain.Agencies;
using Lapor.Web.Features.Oversight.Evidence;
using Lapor.Web.Infrastructure.Caching;

namespace Lapor.UnitTests.Features.Evidence;

/// <summary>The region a pack speaks for and an outreach event belongs to: the topmost agencies the viewer watches (one rule for both, where there were two copies).</summary>
public sealed class RegionTopsTests
{
    private static readonly ReferenceData.AgencySet Agencies = new(
    [
        new(2, "Dinas Kesehatan", "DINKES", AgencyKind.Opd, 1, true),
        new(5, "Kabupaten Lain", "LAIN", AgencyKind.RegencyCity, null, true),
        new(1, "Kabupaten Nusa Makmur", "NM", AgencyKind.RegencyCity, null, true),
        new(3, "Puskesmas Kota", "PKM", AgencyKind.SubUnit, 2, true),
    ]);

    [Fact]
    public void Coordinator_OfTheRegency_SpeaksForTheRegencyAlone()
    {
        Assert.Equal("Kabupaten Nusa Makmur", RegionTops.Name(Subtree(1, 2, 3), Agencies));
        Assert.Equal([1], RegionTops.Of([1, 2, 3], Agencies).Select(a => a.Id));
    }

    [Fact]
    public void WatchingTwoBranches_NamesBoth_ByName_AndTheFirstIsTheEventsHome()
    {
        Assert.Equal([2, 5], RegionTops.Of([2, 3, 5], Agencies).Select(a => a.Id));
        Assert.Equal(2, RegionTops.Of([2, 3, 5], Agencies).First().Id);
    }

    [Fact]
    public void WatchingNothing_HasNoRegion() => Assert.Empty(RegionTops.Of([], Agencies));

    private static int[] Subtree(params int[] ids) => ids;
}
