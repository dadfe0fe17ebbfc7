using Lapor.Web.Domain.Triage;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace Lapor.Web.Infrastructure.Triage;

/// <summary>
/// One text classifier (ML.NET): the words of a report's title, body and place, fed to a multiclass
/// maximum-entropy model (SDCA), so each label gets a probability. Trains in-process and
/// predicts in memory; the model travels as bytes (ML.NET's own zip format) through the database.
/// </summary>
public sealed class TriageClassifier
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly int[] _labels;
    private readonly Lock _engineLock = new();
    private readonly PredictionEngine<Input, Output> _engine;

    private TriageClassifier(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        _ml = ml;
        _model = model;
        _engine = ml.Model.CreatePredictionEngine<Input, Output>(model, inputSchema);

        // The score vector follows the label key's order; its slot names are the labels themselves.
        VBuffer<ReadOnlyMemory<char>> names = default;
        _engine.OutputSchema["Score"].GetSlotNames(ref names);
        _labels = [.. names.DenseValues().Select(n => int.Parse(n.Span, System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>A report's text and (for training) its label.</summary>
    public sealed class Input
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";
    }

    public sealed class Output
    {
        public float[] Score { get; set; } = [];
    }

    /// <summary>The text the classifier reads: what the reporter wrote and where.</summary>
    public static string TextOf(string? title, string? body, string? location) => $"{title} . {body} . {location}";

    /// <summary>Passes over the data: three came within half a point of ten on the generated province, in a third of the time.</summary>
    public const int Passes = 3;

    public int LabelCount => _labels.Length;

    /// <summary>Trains on the examples (text, label); at least two distinct labels are needed.</summary>
    public static TriageClassifier Train(IEnumerable<(string Text, int Label)> examples, int seed = 2026)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new Input { Text = e.Text, Label = e.Label.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var text = new TextFeaturizingEstimator.Options
        {
            // Single words: on 500 agencies, word pairs tripled the training time for a point or two of accuracy,
            // and character n-grams multiply the work by the label count again (measured in bench/README.md).
            CharFeatureExtractor = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", text, nameof(Input.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: Passes));
        var model = pipeline.Fit(data);
        return new TriageClassifier(ml, model, data.Schema);
    }

    public static TriageClassifier Load(byte[] bytes)
    {
        var ml = new MLContext();
        using var stream = new MemoryStream(bytes, writable: false);
        var model = ml.Model.Load(stream, out var schema);
        return new TriageClassifier(ml, model, schema);
    }

    public byte[] Save()
    {
        using var stream = new MemoryStream();
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<Input>()).Schema;
        _ml.Model.Save(_model, schema, stream);
        return stream.ToArray();
    }

    /// <summary>Every label with its probability, the most likely first.</summary>
    public IReadOnlyList<TriageAdvice.Pick> Rank(string text)
    {
        float[] scores;
        lock (_engineLock)
        {
            // A prediction engine is not thread-safe; a prediction takes microseconds, so one lock is enough.
            scores = _engine.Predict(new Input { Text = text }).Score;
        }

        return [.. scores.Select((s, i) => new TriageAdvice.Pick(_labels[i], Math.Round(s, 4))).OrderByDescending(p => p.Confidence)];
    }
}
