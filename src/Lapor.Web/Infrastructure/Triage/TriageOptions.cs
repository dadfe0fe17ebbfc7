namespace Lapor.Web.Infrastructure.Triage;

/// <summary>The suggestion model's training (section <c>Triage</c>); the pre-selection threshold is the administrator's, in the database.</summary>
public sealed class TriageOptions
{
    public const string Section = "Triage";

    /// <summary>Whether this instance runs the nightly training (one instance trains at a time, whichever claims it first).</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>How often the job looks whether the model is due; it trains only when the newest is older than <see cref="RetrainAfter"/>.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The age at which the model is trained again (a day less an hour, so the nightly run does not drift later).</summary>
    public TimeSpan RetrainAfter { get; set; } = TimeSpan.FromHours(23);

    /// <summary>The local hour from which the nightly training may run (quiet hours).</summary>
    public int NightlyFromHour { get; set; } = 1;

    /// <summary>The local hour before which it must start.</summary>
    public int NightlyUntilHour { get; set; } = 5;

    /// <summary>The most recent routed reports trained on: bounds training time and memory in the web process.</summary>
    public int SampleLimit { get; set; } = 30_000;

    /// <summary>The newest share of the sample held out to measure the model (a time-based split).</summary>
    public double HeldOutShare { get; set; } = 0.1;

    /// <summary>
    /// With fewer held-out reports than this, the administrator's page warns that the measured accuracy is uncertain:
    /// on a few dozen reports one hit more or less moves it by several points. 0 never warns.
    /// </summary>
    public int HeldOutWarningBelow { get; set; } = 100;

    /// <summary>With a model trained on fewer reports than this, no suggestion is shown and the category default stays.</summary>
    public int MinimumReports { get; set; } = 200;

    /// <summary>An agency (or category) with fewer handled reports than this is not learnt, so never suggested.</summary>
    public int MinimumPerClass { get; set; } = 5;

    /// <summary>Characters of a report's body read (the opening says what it is about; bounds memory).</summary>
    public int BodyCharacters { get; set; } = 400;
}
