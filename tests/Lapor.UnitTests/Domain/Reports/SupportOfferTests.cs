using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class SupportOfferTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
    private static readonly GeoPoint Here = new(-6.9147, 107.6098);

    private const string Title = "Lampu jalan padam";
    private const string Body = "Lampu penerangan jalan mati sejak minggu lalu, gelap dan rawan.";

    private static DuplicateRanking.Subject Subject(string? location, GeoPoint? point = null) =>
        new(long.MaxValue, 1, point, Now)
        {
            Terms = SimilarityTerms.Of(Title, Body, location),
            PlaceTerms = SimilarityTerms.Place(location),
            ProblemTerms = SimilarityTerms.Problem(Title, Body, location),
        };

    private static SupportOffer.Candidate Report(long id, string location, string title = Title, GeoPoint? point = null, double rank = 10) =>
        new(new DuplicateRanking.Candidate(id, rank, 1, point, Now.AddDays(-3), IsOpen: true)
        {
            Text = $"{title}\n{Body}\n{location}",
            ProblemText = $"{title}\n{Body}",
        }, location);

    [Fact]
    public void TheSameProblemOnTheSameStreet_IsOffered()
    {
        var offered = SupportOffer.Pick(Subject("Jl. Bougenvillea RT 03"), "Jl. Bougenvillea RT 03", [Report(1, "Jalan Bougenvillea dekat masjid")]);

        Assert.Equal(1, Assert.Single(offered).Candidate.Id);
    }

    [Fact]
    public void TheSameProblemOnAnotherStreet_IsNotOffered_ThoughTheCoordinatorWouldSeeIt()
    {
        var subject = Subject("Jl. Bougenvillea RT 03");
        var elsewhere = Report(1, "Jl. Kenanga RT 01");

        Assert.Empty(SupportOffer.Pick(subject, "Jl. Bougenvillea RT 03", [elsewhere]));
        Assert.Single(DuplicateRanking.Top(subject, [elsewhere.Report]));
    }

    [Theory]
    [InlineData("Jl. Cempakaputih dekat pos ronda", "Jl. Cempakaputih RT 02", true)]
    [InlineData("Jl. Cempakaputih RT 02", "Jalan Cempakaputih dekat pos ronda", true)]
    [InlineData("Jl. Sudirman, Kecamatan Makmur Kota", "Jl. Melati, Kecamatan Makmur Kota", false)]
    [InlineData("Jl. Sudirman", "Jl. Sudirman, Kecamatan Makmur", true)]
    [InlineData("Jl. Sudirman", "Jl. Pemuda", false)]
    [InlineData("Jl.Melati No.5", "Jalan Melati", true)]
    [InlineData("Jl. Cempakaputih", "Perumahan Cempaka", true)]
    [InlineData("Kel. Sukamaju, Kec. Makmur", "Kel. Sukamulya, Kec. Makmur", false)]
    [InlineData("Kel. Sukamaju, Kec. Makmur", "Kelurahan Sukamaju", true)]
    [InlineData("Kota Baru", "Kotabaru", true)]
    [InlineData("Kotabaru", "Kota Baru", true)]
    [InlineData("Kota Baru Selatan", "Kotagede", false)]
    public void SamePlace_MoreThanHalfOfOnePlacesWordsInTheOther_EitherWayRound(string location, string other, bool same) =>
        Assert.Equal(same, SupportOffer.SamePlace(location, other, metres: null));

    [Fact]
    public void ThePlaceQuery_AsksForEveryFormAndItsBeginnings_AndABoxAroundThePoint()
    {
        var query = SupportOffer.PlaceQuery.Of("Jl. Cempakaputih, Kec. Makmur", Here)!;

        Assert.Equal(["cempakaputih", "makmur", "kecmakmur"], query.Beginnings);
        Assert.Equal(["cemp", "cempa", "cempak", "cempaka", "cempakap", "cempakapu", "cempakaput", "cempakaputi", "makm", "makmu"],
            query.Words.Where(w => !w.StartsWith("kec", StringComparison.Ordinal)));
        Assert.True(query.Holds("Gg. Cempaka 2"));
        Assert.True(query.Holds("Jl.Cempakaputihan"));
        Assert.False(query.Holds("Jl. Cem"));
        Assert.False(query.Holds("Kecamatan Lain"));
        Assert.True(query.Near!.Value.Contains(Here));
        Assert.Null(SupportOffer.PlaceQuery.Of("Jalan", null));
        Assert.Empty(SupportOffer.PlaceQuery.Of(null, Here)!.Beginnings);
    }

    [Fact]
    public void TheProblemQuery_AsksForEveryFormOfTheProblemsWords_NotThePlaces()
    {
        var query = SupportOffer.ProblemQuery.Of(SimilarityTerms.Problem("Jalan berlubang di Melati", "Lubangnya membahayakan pengendara", "Jl. Melati, Kec. Makmur"))!;

        Assert.Contains("lubang", query.Beginnings);
        Assert.Contains("bahaya", query.Beginnings);
        Assert.DoesNotContain("melati", query.Beginnings);
        Assert.DoesNotContain("jalan", query.Beginnings);
        Assert.True(query.Holds("Ada LUBANG di Jl. Kenanga"));
        Assert.True(query.Holds("Jalan ini berbahaya"));
        Assert.False(query.Holds("Lampu padam di Jl. Melati, Kec. Makmur"));
        Assert.Null(SupportOffer.ProblemQuery.Of(SimilarityTerms.Problem("Jl. Melati", "di Melati", "Jl. Melati")));
    }

    /// <summary>
    /// The search ranks only what <see cref="SupportOffer.ProblemQuery"/> holds, so whatever shares enough of the problem
    /// to be offered must be held: every text here reaches <see cref="SupportOffer.ProblemWordsShare"/>.
    /// </summary>
    [Theory]
    [InlineData("Lampu jalan padam", "Lampu jalan di sini padam total")]
    [InlineData("Lampu jalan padam", "Lampunya mati, jalan gelap")]
    [InlineData("Lampu penerangan jalan mati", "PJU mati dan penerangan kurang")]
    [InlineData("Sampah menumpuk di pasar", "Tumpukan sampahnya dibuang sembarangan")]
    [InlineData("Pungutan liar di kantor kelurahan", "Ada pungli, pungutan tanpa kuitansi")]
    public void WhatSharesEnoughOfTheProblem_TheProblemQueryHolds(string problem, string report)
    {
        var terms = SimilarityTerms.Problem(problem, null, "Jl. Melati");

        Assert.True(SimilarityTerms.Share(terms, report) >= SupportOffer.ProblemWordsShare, "the case must be one the offer would take");
        Assert.True(SupportOffer.ProblemQuery.Of(terms)!.Holds(report));
    }

    [Theory]
    [InlineData(-6.9147, 107.6098)]
    [InlineData(5.55, 95.32)]
    [InlineData(60.0, 10.0)]
    [InlineData(88.999, 120)]
    public void TheBoxAroundAPoint_HoldsEveryPointWithinNearMetres_AndNotMuchMore(double latitude, double longitude)
    {
        var centre = new GeoPoint(latitude, longitude);
        var box = GeoBox.Around(centre, SupportOffer.NearMetres);

        // Walk the circle at NearMetres: every point on it is in the box.
        for (var bearing = 0; bearing < 360; bearing += 5)
        {
            var edge = Destination(centre, bearing, SupportOffer.NearMetres);
            Assert.InRange(GeoPoint.Metres(centre, edge), SupportOffer.NearMetres - 0.01, SupportOffer.NearMetres + 0.01);
            Assert.True(box.Contains(edge), $"{bearing}°");
        }

        Assert.False(box.Contains(Destination(centre, 0, SupportOffer.NearMetres * 1.02)));
        Assert.False(box.Contains(Destination(centre, 180, SupportOffer.NearMetres * 1.02)));
    }

    /// <summary>The point <paramref name="metres"/> from <paramref name="start"/> on <paramref name="bearing"/> (degrees), on GeoPoint's sphere.</summary>
    private static GeoPoint Destination(GeoPoint start, double bearing, double metres)
    {
        const double Radius = 6_371_000;
        double R(double d) => d * Math.PI / 180;
        double D(double r) => r * 180 / Math.PI;
        var (φ, λ, θ, δ) = (R(start.Latitude), R(start.Longitude), R(bearing), metres / Radius);
        var φ2 = Math.Asin((Math.Sin(φ) * Math.Cos(δ)) + (Math.Cos(φ) * Math.Sin(δ) * Math.Cos(θ)));
        var λ2 = λ + Math.Atan2(Math.Sin(θ) * Math.Sin(δ) * Math.Cos(φ), Math.Cos(δ) - (Math.Sin(φ) * Math.Sin(φ2)));
        return new GeoPoint(D(φ2), D(λ2));
    }

    [Fact]
    public void AReportElsewhere_DoesNotLowerTheScoreOfOneAtThePlace()
    {
        var subject = Subject("Jl. Bougenvillea");
        var here = Report(1, "Jl. Bougenvillea", title: "Lampu padam", rank: 2);
        var elsewhere = Report(2, "Jl. Kenanga", rank: 20);

        var alone = Assert.Single(SupportOffer.Pick(subject, "Jl. Bougenvillea", [here]));
        var beside = Assert.Single(SupportOffer.Pick(subject, "Jl. Bougenvillea", [here, elsewhere]));

        Assert.Equal(alone.Score, beside.Score);
    }

    [Fact]
    public void WithoutAPlace_NothingIsOffered()
    {
        Assert.Empty(SupportOffer.Pick(Subject(null), null, [Report(1, "Jl. Bougenvillea")]));
        Assert.Empty(SupportOffer.Pick(Subject("Jalan"), "Jalan", [Report(1, "Jalan Bougenvillea")]));
    }

    [Fact]
    public void Points_DecideWhenBothHaveOne_WhateverTheWordsSay()
    {
        var near = new GeoPoint(Here.Latitude + 0.002, Here.Longitude);
        var far = new GeoPoint(Here.Latitude + 0.02, Here.Longitude);
        var subject = Subject("Jl. Bougenvillea", Here);

        var offered = SupportOffer.Pick(subject, "Jl. Bougenvillea", [Report(1, "Jl. Bougenvillea", point: far), Report(2, "Gang Mawar", point: near)]);

        Assert.Equal(2, Assert.Single(offered).Candidate.Id);
        Assert.InRange(offered[0].DistanceMetres!.Value, 200, SupportOffer.NearMetres);
    }

    [Fact]
    public void APlaceAlone_IsNotTheSameProblem()
    {
        Assert.Empty(SupportOffer.Pick(Subject("Jl. Bougenvillea"), "Jl. Bougenvillea", [
            new SupportOffer.Candidate(new DuplicateRanking.Candidate(1, 10, 1, null, Now.AddDays(-1), IsOpen: true)
            {
                Text = "Usulan taman bermain anak\nMohon dibangun taman bermain.\nJl. Bougenvillea",
                ProblemText = "Usulan taman bermain anak\nMohon dibangun taman bermain.",
            }, "Jl. Bougenvillea"),
        ]));
    }

    [Fact]
    public void AnotherProblemInTheSameDistrict_SharingAWordByChance_IsNotOffered()
    {
        var subject = Subject("Jl. Sudirman, Kecamatan Makmur Kota");
        var rubbish = new SupportOffer.Candidate(new DuplicateRanking.Candidate(1, 10, 1, null, Now.AddDays(-1), IsOpen: true)
        {
            Text = "Sampah menumpuk di TPS pasar\nSampah tidak diangkut sejak minggu lalu, bau menyengat.\nKecamatan Makmur Kota",
            ProblemText = "Sampah menumpuk di TPS pasar\nSampah tidak diangkut sejak minggu lalu, bau menyengat.",
        }, "Kecamatan Makmur Kota");

        Assert.True(DuplicateRanking.SharesTheProblem(subject, rubbish.Report));
        Assert.Empty(SupportOffer.Pick(subject, "Jl. Sudirman, Kecamatan Makmur Kota", [rubbish]));
        Assert.Single(SupportOffer.Pick(subject, "Jl. Sudirman, Kecamatan Makmur Kota", [Report(2, "Kecamatan Makmur Kota")]));
    }

    [Fact]
    public void AtMostThree_BestFirst()
    {
        var offered = SupportOffer.Pick(Subject("Jl. Bougenvillea"), "Jl. Bougenvillea", [.. Enumerable.Range(1, 6).Select(i => Report(i, "Jl. Bougenvillea", rank: i))]);

        Assert.Equal([6L, 5L, 4L], offered.Select(s => s.Candidate.Id));
    }
}
