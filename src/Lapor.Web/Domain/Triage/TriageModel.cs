namespace Lapor.Web.Domain.Triage;

/// <summary>
/// One trained suggestion model, kept in the database so every instance uses the same one: the
/// serialized agency and category models, what they were trained on, how long it took, and how well
/// they did on the newer reports held out from training beside the category-default baseline.
/// </summary>
public sealed class TriageModel
{
    private TriageModel() { }

    public TriageModel(DateTimeOffset trainedAt, string? trainedBy, TriageTraining training, byte[] agencyModel, byte[] categoryModel)
    {
        TrainedAt = trainedAt;
        TrainedBy = trainedBy;
        SampleSize = training.SampleSize;
        TestSize = training.TestSize;
        AgencyClasses = training.AgencyClasses;
        TrainingMilliseconds = training.TrainingMilliseconds;
        AgencyTop1 = training.Score.AgencyTop1;
        AgencyTop3 = training.Score.AgencyTop3;
        CategoryTop1 = training.Score.CategoryTop1;
        BaselineAgencyTop1 = training.Score.BaselineTop1;
        AgencyModel = agencyModel;
        CategoryModel = categoryModel;
    }

    public int Id { get; private set; }

    public DateTimeOffset TrainedAt { get; private set; }

    /// <summary>The administrator who asked for it; null for the nightly job.</summary>
    public string? TrainedBy { get; private set; }

    /// <summary>Reports the models were trained on (the older part of the sample).</summary>
    public int SampleSize { get; private set; }

    /// <summary>Newer reports held out to measure it.</summary>
    public int TestSize { get; private set; }

    /// <summary>Agencies with enough history to be suggested.</summary>
    public int AgencyClasses { get; private set; }

    public long TrainingMilliseconds { get; private set; }

    public double AgencyTop1 { get; private set; }

    public double AgencyTop3 { get; private set; }

    public double CategoryTop1 { get; private set; }

    /// <summary>How often the agency the report's filed category routes to by default was the one that handled it.</summary>
    public double BaselineAgencyTop1 { get; private set; }

    public byte[] AgencyModel { get; private set; } = [];

    public byte[] CategoryModel { get; private set; } = [];
}

/// <summary>What a training run measured, before its models are stored.</summary>
public sealed record TriageTraining(int SampleSize, int TestSize, int AgencyClasses, long TrainingMilliseconds, TriageScore.Result Score);
