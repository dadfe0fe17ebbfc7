using System.Diagnostics;
using System.Globalization;

namespace Lapor.Bench;

/// <summary>
/// Runs an operation a number of times, one after another, and reports percentiles in milliseconds.
/// The warm-up runs it for two seconds (at least 50 times) first: .NET compiles hot code again,
/// optimised, only after a few dozen calls, and the steady state is what a busy portal serves
/// (the driver also warms every page up together before measuring: <see cref="WarmUpAsync"/>).
/// </summary>
public sealed record Latency(string Name, double P50, double P95, double Max, int Samples)
{
    /// <summary>How many calls the warm-up made before the timed ones.</summary>
    public int WarmUpCalls { get; init; }

    public static async Task<Latency> MeasureAsync(string name, int samples, Func<Task> operation)
    {
        var warmUp = Stopwatch.StartNew();
        var warmUpCalls = 0;
        for (; warmUpCalls < 50 || warmUp.Elapsed < TimeSpan.FromSeconds(2); warmUpCalls++)
        {
            await operation();
        }

        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        var latency = new Latency(name, Percentile(times, 0.50), Percentile(times, 0.95), times[^1], samples) { WarmUpCalls = warmUpCalls };
        Console.WriteLine(latency);
        return latency;
    }

    /// <summary>Runs the operations in turn, one at a time, until the time is up.</summary>
    public static async Task WarmUpAsync(TimeSpan duration, params Func<Task>[] operations)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            foreach (var operation in operations)
            {
                await operation();
            }
        }
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"  {Name,-34} p50 {P50,7:0.0} ms  p95 {P95,7:0.0} ms  max {Max,7:0.0} ms  ({Samples} requests)");
}
