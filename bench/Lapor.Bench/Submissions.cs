using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Lapor.Bench;

/// <summary>
/// Citizens filing at once: each worker opens the form (antiforgery token) and posts a report with
/// one ~500 KB photo, again and again for the given time. Only a redirect to the confirmation counts.
/// When the portal offers open reports of the same problem at the same place instead ("dukung laporan
/// ini"), the worker does what a citizen who still wants a new report does: presses "Tetap kirim laporan
/// baru", which posts the form again as it came back (the photo already staged, <c>Form.KeepNew=true</c>).
/// </summary>
public static partial class Submissions
{
    /// <summary>What the run did; <c>Offered</c>: filings that met the support offer first (then sent with "Tetap kirim laporan baru").</summary>
    public sealed record Result(int Succeeded, int Failed, double PerSecond, double P95Ms, IReadOnlyDictionary<int, int> FailuresByStatus, int Offered);

    /// <summary>How a filing ended: the last answer's status, whether it was the redirect to the receipt, whether the offer came first.</summary>
    private readonly record struct Outcome(HttpStatusCode Status, bool Filed, bool Offered);

    public static async Task<Result> RunAsync(Uri baseUrl, int workers, TimeSpan duration, byte[] photo)
    {
        var succeeded = 0;
        var offered = 0;
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            using var citizen = new Session(baseUrl);
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var watch = Stopwatch.StartNew();
                var outcome = await FileAsync(citizen, photo, $"Beban uji {worker}-{n}");
                if (outcome.Offered)
                {
                    Interlocked.Increment(ref offered);
                }

                if (outcome.Filed)
                {
                    Interlocked.Increment(ref succeeded);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                else
                {
                    failures.AddOrUpdate((int)outcome.Status, 1, (_, count) => count + 1);
                }
            }
        }));

        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = times.OrderBy(t => t).ToArray();
        return new Result(succeeded, failures.Values.Sum(), succeeded / elapsed, sorted.Length == 0 ? 0 : Latency.Percentile(sorted, 0.95), failures.ToDictionary(), offered);
    }

    private static async Task<Outcome> FileAsync(Session citizen, byte[] photo, string title)
    {
        try
        {
            var token = await citizen.FormTokenAsync("/lapor");
            var submission = Guid.NewGuid().ToString();
            using var form = Fields(token, submission, title);
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "Form.Attachments", "foto-jalan.jpg");
            using var response = await citizen.PostAsync("/lapor", form);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new Outcome(response.StatusCode, IsReceipt(response), Offered: false);
            }

            // 200 is the form again: only the support offer is a reason to send it once more; anything else stays a failure.
            var page = await response.Content.ReadAsStringAsync();
            if (!page.Contains("data-testid=\"support-offers\"", StringComparison.Ordinal))
            {
                return new Outcome(response.StatusCode, Filed: false, Offered: false);
            }

            // "Tetap kirim laporan baru": the same form, its photo now staged (a ticked checkbox), the offer not made again.
            using var again = Fields(Session.TokenOf(page) ?? token, submission, title);
            again.Add(new StringContent("true"), "Form.KeepNew");
            foreach (Match staged in StagedPattern().Matches(page))
            {
                again.Add(new StringContent(staged.Groups[1].Value), "Form.Staged");
            }

            using var kept = await citizen.PostAsync("/lapor", again);
            return new Outcome(kept.StatusCode, IsReceipt(kept), Offered: true);
        }
        catch (HttpRequestException e)
        {
            return new Outcome(e.StatusCode ?? HttpStatusCode.ServiceUnavailable, Filed: false, Offered: false);
        }
        catch (InvalidOperationException)
        {
            return new Outcome(HttpStatusCode.InternalServerError, Filed: false, Offered: false);
        }
    }

    /// <summary>Filed: the redirect to the receipt page, nothing else.</summary>
    private static bool IsReceipt(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/lapor/terkirim/", StringComparison.Ordinal) == true;

    private static MultipartFormDataContent Fields(string token, string submission, string title) => new()
    {
        { new StringContent(token), "__RequestVerificationToken" },
        { new StringContent(submission), "Form.SubmissionToken" },
        { new StringContent("Complaint"), "Form.Classification" },
        { new StringContent(title), "Form.Title" },
        { new StringContent("Lubang besar di depan pasar membahayakan pengendara motor setiap malam, mohon segera diperbaiki."), "Form.Body" },
        { new StringContent("Kecamatan Batu Permai"), "Form.Location" },
        { new StringContent("Warga Uji Beban"), "Form.ReporterName" },
        { new StringContent("beban@contoh.id"), "Form.ReporterEmail" },
        { new StringContent("true"), "Form.Consent" },
    };

    [GeneratedRegex("<input[^>]*name=\"Form\\.Staged\"[^>]*value=\"([0-9a-fA-F-]{32,36})\"")]
    private static partial Regex StagedPattern();

    /// <summary>A phone-sized photo of about 500 KB: smooth gradients with noise, which JPEG cannot squeeze much.</summary>
    public static byte[] Photo(int targetBytes = 500 * 1024)
    {
        var random = new Random(42);
        using var bitmap = new SKBitmap(1280, 960);
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var noise = random.Next(-40, 40);
                bitmap.SetPixel(x, y, new SKColor((byte)Math.Clamp((x / 5) + noise, 0, 255), (byte)Math.Clamp((y / 4) + noise, 0, 255), (byte)Math.Clamp(128 + noise, 0, 255)));
            }
        }

        // Highest quality whose file still fits the target.
        byte[] best = [];
        for (var quality = 95; quality >= 40; quality -= 5)
        {
            using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
            best = data.ToArray();
            if (best.Length <= targetBytes)
            {
                break;
            }
        }

        return best;
    }
}
