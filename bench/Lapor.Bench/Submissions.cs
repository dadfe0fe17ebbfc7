using System.Diagnostics;
using System.Net;
using SkiaSharp;

namespace Lapor.Bench;

/// <summary>
/// Citizens filing at once: each worker opens the form (antiforgery token) and posts a report with
/// one ~500 KB photo, again and again for the given time. Only a redirect to the confirmation counts.
/// </summary>
public static class Submissions
{
    public sealed record Result(int Succeeded, int Failed, double PerSecond, double P95Ms, IReadOnlyDictionary<int, int> FailuresByStatus);

    public static async Task<Result> RunAsync(Uri baseUrl, int workers, TimeSpan duration, byte[] photo)
    {
        var succeeded = 0;
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async worker =>
        {
            using var citizen = new Session(baseUrl);
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                var watch = Stopwatch.StartNew();
                var status = await FileAsync(citizen, photo, $"Beban uji {worker}-{n}");
                if (status == HttpStatusCode.Redirect)
                {
                    Interlocked.Increment(ref succeeded);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
                else
                {
                    failures.AddOrUpdate((int)status, 1, (_, count) => count + 1);
                }
            }
        }));

        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = times.OrderBy(t => t).ToArray();
        return new Result(succeeded, failures.Values.Sum(), succeeded / elapsed, sorted.Length == 0 ? 0 : Latency.Percentile(sorted, 0.95), failures.ToDictionary());
    }

    private static async Task<HttpStatusCode> FileAsync(Session citizen, byte[] photo, string title)
    {
        try
        {
            var token = await citizen.FormTokenAsync("/lapor");
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(Guid.NewGuid().ToString()), "Form.SubmissionToken" },
                { new StringContent("Complaint"), "Form.Classification" },
                { new StringContent(title), "Form.Title" },
                { new StringContent("Lubang besar di depan pasar membahayakan pengendara motor setiap malam, mohon segera diperbaiki."), "Form.Body" },
                { new StringContent("Kecamatan Batu Permai"), "Form.Location" },
                { new StringContent("Warga Uji Beban"), "Form.ReporterName" },
                { new StringContent("beban@contoh.id"), "Form.ReporterEmail" },
                { new StringContent("true"), "Form.Consent" },
            };
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "Form.Attachments", "foto-jalan.jpg");
            using var response = await citizen.PostAsync("/lapor", form);
            return response.StatusCode;
        }
        catch (HttpRequestException e)
        {
            return e.StatusCode ?? HttpStatusCode.ServiceUnavailable;
        }
        catch (InvalidOperationException)
        {
            return HttpStatusCode.InternalServerError;
        }
    }

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
