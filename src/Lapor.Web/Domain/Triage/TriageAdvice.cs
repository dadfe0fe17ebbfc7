namespace Lapor.Web.Domain.Triage;

/// <summary>
/// What the verification form makes of a prediction: the top three agencies and the category with
/// their confidence, pre-selected only at or above the administrator's threshold. Without a model, or
/// with too little history behind it, the category's default agency stays pre-selected as before,
/// and the form says why.
/// </summary>
public static class TriageAdvice
{
    public const int Shown = 3;

    /// <summary>An agency or category id with the model's confidence (0..1).</summary>
    public sealed record Pick(int Id, double Confidence);

    /// <summary>The model's ranking, best first.</summary>
    public sealed record Prediction(int ModelId, int SampleSize, IReadOnlyList<Pick> Agencies, Pick? Category);

    public enum Basis
    {
        /// <summary>The top agency is confident enough: it is pre-selected.</summary>
        Confident,

        /// <summary>Shown, but below the threshold: the category's default agency stays pre-selected.</summary>
        BelowThreshold,

        /// <summary>No model trained yet.</summary>
        NoModel,

        /// <summary>A model exists but was trained on fewer reports than the minimum: not shown.</summary>
        TooLittleHistory,
    }

    public sealed record Advice(Basis Basis, IReadOnlyList<Pick> Agencies, Pick? Category, int? PreselectedAgency, int? PreselectedCategory, double Threshold, int? ModelId)
    {
        /// <summary>Whether suggestions are shown (and their outcome recorded).</summary>
        public bool Shows => Agencies.Count > 0 || Category is not null;

        public bool AgencyPreselectedBySuggestion => Basis == Basis.Confident && Agencies.Count > 0 && PreselectedAgency == Agencies[0].Id;
    }

    /// <summary>
    /// Decides the form: <paramref name="offered"/> limits the agencies to those this coordinator may
    /// choose (a suggestion outside it is skipped, not shown); <paramref name="fallbackAgency"/> is what the
    /// form pre-selects without a confident suggestion (the category's default, or the reporter's target).
    /// </summary>
    public static Advice Decide(Prediction? prediction, int minimumReports, double threshold, int? fallbackAgency, Func<int, bool> offered, int? currentCategory)
    {
        if (prediction is null)
        {
            return new Advice(Basis.NoModel, [], null, fallbackAgency, currentCategory, threshold, null);
        }

        if (prediction.SampleSize < minimumReports)
        {
            return new Advice(Basis.TooLittleHistory, [], null, fallbackAgency, currentCategory, threshold, prediction.ModelId);
        }

        var agencies = prediction.Agencies.Where(p => offered(p.Id)).Take(Shown).ToList();
        var confident = agencies.Count > 0 && agencies[0].Confidence >= threshold;
        var category = prediction.Category;
        var categoryConfident = category is not null && category.Confidence >= threshold;
        return new Advice(
            confident ? Basis.Confident : Basis.BelowThreshold, agencies, category,
            confident ? agencies[0].Id : fallbackAgency,
            categoryConfident ? category!.Id : currentCategory,
            threshold, prediction.ModelId);
    }

    /// <summary>
    /// The labels a model may learn: each with at least <paramref name="minimumPerClass"/> examples. An agency
    /// with fewer is left out (its reports too), so it is never suggested on the strength of a handful.
    /// </summary>
    public static IReadOnlySet<int> Learnable(IEnumerable<int> labels, int minimumPerClass) =>
        labels.GroupBy(l => l).Where(g => g.Count() >= minimumPerClass).Select(g => g.Key).ToHashSet();
}
