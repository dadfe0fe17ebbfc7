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
    public void SamePlace_MoreThanHalfOfOnePlacesWordsInTheOther_EitherWayRound(string location, string other, bool same) =>
        Assert.Equal(same, SupportOffer.SamePlace(location, other, metres: null));

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
