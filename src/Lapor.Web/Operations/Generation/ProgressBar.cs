using System.Diagnostics;
using System.Globalization;

namespace Lapor.Web.Operations.Generation;

/// <summary>A progress bar with rate and ETA on a terminal; a line every 5% when the output is a log file.</summary>
public sealed class ProgressBar(long total, TextWriter output, bool interactive)
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _lastDrawnAt = -1000;
    private int _lastPercent = -1;

    public TimeSpan Elapsed => _watch.Elapsed;

    public void Report(long done)
    {
        var percent = total == 0 ? 100 : (int)(done * 100 / total);
        var elapsed = _watch.Elapsed;
        if (interactive ? _watch.ElapsedMilliseconds - _lastDrawnAt < 250 && done < total : percent / 5 == _lastPercent / 5)
        {
            return;
        }

        _lastDrawnAt = _watch.ElapsedMilliseconds;
        _lastPercent = percent;
        var rate = done / Math.Max(elapsed.TotalSeconds, 0.001);
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        var filled = percent * 30 / 100;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', 30 - filled)}] {percent,3}% {done:N0}/{total:N0} reports · {rate:N0}/s · elapsed {elapsed:h\\:mm\\:ss} · ETA {eta:h\\:mm\\:ss}");
        if (interactive)
        {
            output.Write("\r" + line);
            if (done >= total)
            {
                output.WriteLine();
            }
        }
        else
        {
            output.WriteLine(line);
        }
    }
}
