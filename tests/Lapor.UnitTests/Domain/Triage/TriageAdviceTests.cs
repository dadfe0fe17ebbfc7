using Lapor.Web.Domain;
using Lapor.Web.Domain.Triage;
using static Lapor.Web.Domain.Triage.TriageAdvice;

namespace Lapor.UnitTests.Domain.Triage;

public sealed class TriageAdviceTests
{
    private const int Minimum = 200;
    private const int Fallback = 99;
    private static readonly Func<int, bool> Everyone = _ => true;

    private static Prediction Ranked(int sample, params (int Id, double Confidence)[] agencies) =>
        new(7, sample, [.. agencies.Select(a => new Pick(a.Id, a.Confidence))], new Pick(40, 0.7));

    [Fact]
    public void NoModel_KeepsTheCategoryDefaultAndShowsNothing()
    {
        var advice = Decide(null, Minimum, 0.6, Fallback, Everyone, 3);

        Assert.Equal(Basis.NoModel, advice.Basis);
        Assert.False(advice.Shows);
        Assert.Equal(Fallback, advice.PreselectedAgency);
        Assert.Equal(3, advice.PreselectedCategory);
    }

    [Fact]
    public void TooLittleHistory_KeepsTheCategoryDefaultAndShowsNothing()
    {
        var advice = Decide(Ranked(Minimum - 1, (1, 0.99)), Minimum, 0.6, Fallback, Everyone, 3);

        Assert.Equal(Basis.TooLittleHistory, advice.Basis);
        Assert.False(advice.Shows);
        Assert.Equal(Fallback, advice.PreselectedAgency);
        Assert.Equal(7, advice.ModelId);
    }

    [Theory]
    [InlineData(0.6, true)] // at the threshold: pre-selected
    [InlineData(0.59, false)]
    [InlineData(0.95, true)]
    public void TopAgency_IsPreselectedOnlyAtOrAboveTheThreshold(double confidence, bool preselected)
    {
        var advice = Decide(Ranked(Minimum, (1, confidence), (2, 0.1)), Minimum, 0.6, Fallback, Everyone, 3);

        Assert.True(advice.Shows);
        Assert.Equal(preselected ? Basis.Confident : Basis.BelowThreshold, advice.Basis);
        Assert.Equal(preselected ? 1 : Fallback, advice.PreselectedAgency);
        Assert.Equal(preselected, advice.AgencyPreselectedBySuggestion);
    }

    [Fact]
    public void Category_IsPreselectedOnlyAtOrAboveTheThreshold()
    {
        var prediction = Ranked(Minimum, (1, 0.9));

        Assert.Equal(40, Decide(prediction, Minimum, 0.7, Fallback, Everyone, 3).PreselectedCategory);
        Assert.Equal(3, Decide(prediction, Minimum, 0.71, Fallback, Everyone, 3).PreselectedCategory);
    }

    [Fact]
    public void OnlyAgenciesOnOffer_AreShown_AtMostThree()
    {
        var advice = Decide(Ranked(Minimum, (1, 0.5), (2, 0.2), (3, 0.1), (4, 0.1), (5, 0.1)), Minimum, 0.3, Fallback, id => id != 1, null);

        Assert.Equal([2, 3, 4], advice.Agencies.Select(a => a.Id));

        // The best remaining (0.2) is below the threshold: the fallback stays, not the skipped agency.
        Assert.Equal(Fallback, advice.PreselectedAgency);
    }

    [Fact]
    public void NothingOnOffer_FallsBackToTheDefault()
    {
        var advice = Decide(Ranked(Minimum, (1, 0.9)), Minimum, 0.6, null, _ => false, null);

        Assert.Empty(advice.Agencies);
        Assert.Equal(Basis.BelowThreshold, advice.Basis);
        Assert.Null(advice.PreselectedAgency);
    }

    [Fact]
    public void Learnable_LeavesOutLabelsWithTooFewExamples()
    {
        Assert.Equal(new HashSet<int> { 1, 3 }, Learnable([1, 1, 1, 2, 2, 3, 3, 3, 3], 3));
    }

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.6)]
    [InlineData(1.0)]
    public void Threshold_InRange_IsKept(double threshold)
    {
        var settings = new TriageSettings();
        settings.SetThreshold(threshold);
        Assert.Equal(threshold, settings.Threshold);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.04)]
    [InlineData(1.01)]
    [InlineData(-1)]
    public void Threshold_OutOfRange_IsRefused(double threshold)
    {
        var settings = new TriageSettings();
        Assert.Equal("Triage.ThresholdRange", Assert.Throws<DomainException>(() => settings.SetThreshold(threshold)).Code);
        Assert.Equal(TriageSettings.DefaultThreshold, settings.Threshold);
    }

    [Fact]
    public void Suggestion_TakenWhenTheTopAgencyIsAmongThoseChosen()
    {
        var now = DateTimeOffset.UtcNow;
        var taken = new TriageSuggestion(1, 7, new Pick(5, 0.8), new Pick(40, 0.7), true, [9, 5], 40, "u", now);
        var overridden = new TriageSuggestion(2, 7, new Pick(5, 0.8), new Pick(40, 0.7), true, [9], 41, "u", now);

        Assert.True(taken.AgencyTaken);
        Assert.True(taken.CategoryTaken);
        Assert.Equal(5, taken.ChosenAgencyId);
        Assert.Equal(2, taken.ChosenAgencyCount);
        Assert.False(overridden.AgencyTaken);
        Assert.False(overridden.CategoryTaken);
        Assert.Equal(9, overridden.ChosenAgencyId);
        Assert.Equal(41, overridden.ChosenCategoryId);
    }
}
