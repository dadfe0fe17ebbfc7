using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class DuplicateRankingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Here = new(-6.9147, 107.6098);

    private static DuplicateRanking.Subject Subject(int? category = 1, GeoPoint? point = null) => new(100, category, point, Now);

    private static DuplicateRanking.Candidate Candidate(long id, double rank = 10, int? category = 1, GeoPoint? point = null, double daysBefore = 2, bool open = true) =>
        new(id, rank, category, point, Now.AddDays(-daysBefore), open);

    [Fact]
    public void Top_SameTextSameCategoryNearAndRecent_BeatsAStrongerTextMatchElsewhere()
    {
        var near = new GeoPoint(Here.Latitude + 0.0004, Here.Longitude);
        var far = new GeoPoint(Here.Latitude + 0.2, Here.Longitude);

        var top = DuplicateRanking.Top(Subject(point: Here), [Candidate(1, rank: 12, point: far), Candidate(2, rank: 9, point: near)]);

        Assert.Equal(2, top[0].Candidate.Id);
        Assert.DoesNotContain(top, s => s.Candidate.Id == 1 && s.Score > top[0].Score);
        Assert.InRange(top[0].DistanceMetres!.Value, 40, 50);
    }

    [Fact]
    public void Top_SameCategory_BeatsAnotherCategoryWithTheSameText()
    {
        var top = DuplicateRanking.Top(Subject(category: 1), [Candidate(1, category: 2), Candidate(2, category: 1)]);

        Assert.Equal(2, top[0].Candidate.Id);
    }

    [Fact]
    public void Top_TheRecentReport_BeatsAnOldOneWithTheSameText()
    {
        var top = DuplicateRanking.Top(Subject(), [Candidate(1, daysBefore: 200), Candidate(2, daysBefore: 3)]);

        Assert.Equal(2, top[0].Candidate.Id);
    }

    [Fact]
    public void Top_KeepsFive_OpenOnesFirst()
    {
        var candidates = Enumerable.Range(1, 9).Select(i => Candidate(i, rank: 20 - i, open: i % 2 == 0)).ToList();

        var top = DuplicateRanking.Top(Subject(), candidates);

        Assert.Equal(DuplicateRanking.Shown, top.Count);

        // The five best by score are 1–5; the open ones (2, 4) come first, each group by score.
        Assert.Equal([2, 4, 1, 3, 5], top.Select(s => s.Candidate.Id));
    }

    [Fact]
    public void Top_LeavesOutTheReportItselfAndLaterReports()
    {
        var top = DuplicateRanking.Top(Subject(), [Candidate(100), Candidate(1, daysBefore: -1), Candidate(2)]);

        Assert.Equal([2], top.Select(s => s.Candidate.Id));
    }

    [Fact]
    public void Top_SharedWordsAndPlaceWords_Count_AndACandidateWithNothingInCommonButTime_IsNotShown()
    {
        var subject = Subject(category: null) with
        {
            Terms = SimilarityTerms.Of("Lampu jalan padam", "Gelap sekali.", "Jl. Kenanga"),
            PlaceTerms = SimilarityTerms.Place("Jl. Kenanga"),
        };
        var samePlace = Candidate(1, rank: 5, category: null) with { Text = "PJU mati di Jalan Kenanga, lampu padam" };
        var elsewhere = Candidate(2, rank: 10, category: null) with { Text = "Lampu jalan padam di Jl. Melati" };
        var unrelated = Candidate(3, rank: 1, category: null) with { Text = "Antrean panjang di puskesmas" };

        var top = DuplicateRanking.Top(subject, [samePlace, elsewhere, unrelated]);

        Assert.Equal([1, 2], top.Select(s => s.Candidate.Id));
    }

    [Fact]
    public void Top_ACandidateSharingOnlyThePlace_IsNotShown_HoweverNearSameCategoryAndRecent()
    {
        const string place = "Kecamatan Makmur Kota";
        var subject = Subject(point: Here) with
        {
            Terms = SimilarityTerms.Of("Sampah menumpuk tidak diangkut", "Bau busuk di Kecamatan Makmur Kota.", place),
            PlaceTerms = SimilarityTerms.Place(place),
            ProblemTerms = SimilarityTerms.Problem("Sampah menumpuk tidak diangkut", "Bau busuk di Kecamatan Makmur Kota.", place),
        };
        var playground = Candidate(1, rank: 20, point: Here, daysBefore: 1) with
        {
            Text = $"Usulan taman bermain anak\nMohon dibangun di Kecamatan Makmur Kota\n{place}",
            ProblemText = "Usulan taman bermain anak\nMohon dibangun di Kecamatan Makmur Kota",
        };
        var garbage = Candidate(2, rank: 8, point: Here, daysBefore: 5) with
        {
            Text = $"Sampah belum diangkut\nSudah tiga hari\n{place}",
            ProblemText = "Sampah belum diangkut\nSudah tiga hari",
        };

        var top = DuplicateRanking.Top(subject, [playground, garbage]);

        Assert.False(DuplicateRanking.SharesTheProblem(subject, playground));
        Assert.Equal([2], top.Select(s => s.Candidate.Id));
    }

    [Fact]
    public void Top_NoCandidates_IsEmpty() => Assert.Empty(DuplicateRanking.Top(Subject(), []));

    [Fact]
    public void Score_WithoutPoints_HasNoDistance_AndAFarPointCountsAgainst()
    {
        var none = DuplicateRanking.Score(Subject(), Candidate(1), 10);
        var far = DuplicateRanking.Score(Subject(point: Here), Candidate(1, point: new GeoPoint(Here.Latitude + 0.1, Here.Longitude)), 10);

        Assert.Null(none.DistanceMetres);
        Assert.True(far.Score < none.Score);
    }

    [Fact]
    public void Metres_OneThousandthOfADegreeOfLatitude_IsAbout111Metres() =>
        Assert.InRange(GeoPoint.Metres(Here, new GeoPoint(Here.Latitude + 0.001, Here.Longitude)), 110, 112);
}
