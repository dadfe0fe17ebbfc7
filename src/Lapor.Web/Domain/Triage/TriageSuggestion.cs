namespace Lapor.Web.Domain.Triage;

/// <summary>
/// A suggestion the coordinator saw on the verification form and what they chose instead or
/// with it: the live accuracy is counted from these rows, not from the held-out test alone.
/// </summary>
public sealed class TriageSuggestion
{
    private TriageSuggestion() { }

    public TriageSuggestion(
        long reportId, int modelId, TriageAdvice.Pick? agency, TriageAdvice.Pick? category, bool preselected,
        IReadOnlyCollection<int> chosenAgencyIds, int? chosenCategoryId, string userId, DateTimeOffset at)
    {
        ReportId = reportId;
        ModelId = modelId;
        SuggestedAgencyId = agency?.Id;
        AgencyConfidence = agency?.Confidence;
        SuggestedCategoryId = category?.Id;
        CategoryConfidence = category?.Confidence;
        Preselected = preselected;
        ChosenAgencyId = chosenAgencyIds.Count == 0 ? null : agency is { } a && chosenAgencyIds.Contains(a.Id) ? a.Id : chosenAgencyIds.Min();
        ChosenAgencyCount = chosenAgencyIds.Count;
        ChosenCategoryId = chosenCategoryId;
        AgencyTaken = agency is { } top && chosenAgencyIds.Contains(top.Id);
        CategoryTaken = category is { } c && c.Id == chosenCategoryId;
        UserId = userId;
        At = at;
    }

    public long Id { get; private set; }

    public long ReportId { get; private set; }

    public int ModelId { get; private set; }

    public int? SuggestedAgencyId { get; private set; }

    public double? AgencyConfidence { get; private set; }

    public int? SuggestedCategoryId { get; private set; }

    public double? CategoryConfidence { get; private set; }

    /// <summary>Whether the form came with the suggestion already ticked (its confidence at or above the threshold).</summary>
    public bool Preselected { get; private set; }

    /// <summary>The suggested agency when it was among those chosen, else the first chosen.</summary>
    public int? ChosenAgencyId { get; private set; }

    public int ChosenAgencyCount { get; private set; }

    public int? ChosenCategoryId { get; private set; }

    /// <summary>The suggested top agency was among those the report went to.</summary>
    public bool AgencyTaken { get; private set; }

    public bool CategoryTaken { get; private set; }

    public string UserId { get; private set; } = "";

    public DateTimeOffset At { get; private set; }
}
