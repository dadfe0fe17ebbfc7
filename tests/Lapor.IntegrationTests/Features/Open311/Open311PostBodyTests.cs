using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>
/// POST bodies as real clients send them, on real Kestrel (which enforces the size limits the in-memory test
/// server ignores): multipart with a <c>media</c> photo, written byte for byte as USF's open311-client and
/// Bloomington's GeoReporter write them; and bodies MVC cannot read, which once ended in a 500 (issue 15).
/// </summary>
public sealed class Open311PostBodyTests(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>
{
    /// <summary>
    /// The body announces 11 MB: Kestrel refuses it before reading it, so the test sends the headers and a few bytes on a
    /// plain socket (a client still pushing megabytes would see the connection go instead of reading the answer).
    /// </summary>
    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Post_BodyOverTheLimit_Is413InTheSpecificationsErrorList(string format)
    {
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());
        var address = app.ClientOptions.BaseAddress;
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(address.Host, address.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /open311/v2/requests.{format} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
            $"Content-Length: {11 * 1024 * 1024}\r\n\r\nservice_code=1&description=xxxx"));

        var (status, body) = await ReadResponseAsync(stream);
        var (code, description) = Error(body, format);

        Assert.Equal(413, status);
        Assert.Equal(413, code);
        Assert.Contains("10 MB", description, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Theory]
    [InlineData("too many fields")]
    [InlineData("NUL")]
    public async Task Post_BodyTheFormReaderRefuses_Is400InTheSpecificationsErrorList(string kind)
    {
        using var client = app.CreateHttpClient();
        var body = kind == "NUL" ? "service_code=1&description=a%00b" : string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1"));

        var response = await client.PostAsync("/open311/v2/requests.json", Form(body));
        var (code, _) = await ErrorAsync(response, "json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, code);
    }

    /// <summary>
    /// USF's open311-client (HttpUrlConnectionClientImpl): a boundary of "===" and the time, every field as
    /// text/plain UTF-8, "null" for a missing e-mail, the file with Content-Transfer-Encoding, and an extra CR LF
    /// before the closing boundary. It reads nothing but a 200 (or a 400's errors).
    /// </summary>
    [Fact]
    public async Task Post_MultipartLikeUsfOpen311Client_With300KbPhoto_Is200AndThePhotoIsAnAttachmentWithoutExif()
    {
        var (code, key) = await ArrangeAsync();
        var photo = TestImages.NoisyJpegWithExif();
        Assert.InRange(photo.Length, 250 * 1024, 2 * 1024 * 1024);
        Assert.Contains(TestImages.ExifCanary, Encoding.ASCII.GetString(photo), StringComparison.Ordinal);
        const string boundary = "===1764669600000===";
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        foreach (var (name, value) in new[]
        {
            ("api_key", key), ("service_code", code), ("service_name", "Penerangan"), ("lat", "-6.2012345"), ("long", "106.8165432"),
            ("description", "Lampu jalan mati di depan pasar, gelap sekali."), ("first_name", "Siti"), ("last_name", "null"),
            ("email", "null"), ("device_id", "usf-android-42"),
        })
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n{value}\r\n");
        }

        Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"media\"; filename=\"IMG_20261202.jpg\"\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: binary\r\n\r\n");
        body.Write(photo);
        Write($"\r\n\r\n--{boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");

        using var client = app.CreateHttpClient();
        var response = await client.PostAsync("/open311/v2/requests.json", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var number = JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!;
        var attachment = await app.WithDbAsync(db => db.Attachments.SingleAsync(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)));
        Assert.Equal(("image/jpeg", "IMG_20261202.jpg"), (attachment.ContentType, attachment.OriginalFileName));
        var stored = await File.ReadAllBytesAsync(Path.Combine(app.AttachmentsPath, attachment.StoredName));
        Assert.Equal([0xFF, 0xD8, 0xFF], stored[..3]);
        Assert.DoesNotContain(TestImages.ExifCanary, Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        var identity = await app.WithDbAsync(db => db.ReporterIdentities.Where(i => db.Reports.Any(r => r.Id == i.ReportId && r.TrackingNumber == number)).Select(i => new { i.FullName, i.Email }).SingleAsync());
        Assert.Equal(("Siti", null), (identity.FullName, identity.Email)); // "null" is the client's way of saying "none"
        Assert.Equal("usf-android-42", await app.WithDbAsync(db => db.ApiSubmissions.Where(s => db.Reports.Any(r => r.Id == s.ReportId && r.TrackingNumber == number)).Select(s => s.DeviceId).SingleAsync()));
    }

    /// <summary>Bloomington's GeoReporter: Apache HttpClient's multipart in browser-compatible mode, the photo re-encoded as PNG named media.png.</summary>
    [Fact]
    public async Task Post_MultipartLikeGeoReporter_WithPng_Is200WithAnAttachment()
    {
        var (code, key) = await ArrangeAsync();
        using var png = new MemoryStream();
        using (var bitmap = new SkiaSharp.SKBitmap(640, 480))
        using (var image = SkiaSharp.SKImage.FromBitmap(bitmap))
        using (var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100))
        {
            data.SaveTo(png);
        }

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in new[] { ("service_code", code), ("jurisdiction_id", "lapor"), ("api_key", key), ("lat", "-6.2"), ("long", "106.8"), ("description", "Trotoar rusak"), ("attribute[anonymous]", "true") })
        {
            var part = new StringContent(value);
            part.Headers.ContentType = null; // browser-compatible mode writes no Content-Type for text parts
            content.Add(part, name);
        }

        var media = new ByteArrayContent(png.ToArray());
        media.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(media, "media", "media.png");

        using var client = app.CreateHttpClient();
        var response = await client.PostAsync("/open311/v2/requests.json", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var number = JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!;
        var stored = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.IsAnonymous, Files = r.Attachments.Select(a => a.ContentType).ToList() }).SingleAsync());
        Assert.True(stored.IsAnonymous);
        Assert.Equal(["image/png"], stored.Files);
    }

    [Fact]
    public async Task Post_MediaThatIsNoImage_Is400NamingMedia_AndFilesNothing()
    {
        var (code, key) = await ArrangeAsync();
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());
        using var content = new MultipartFormDataContent
        {
            { new StringContent(key), "api_key" }, { new StringContent(code), "service_code" }, { new StringContent("-6.2"), "lat" },
            { new StringContent("106.8"), "long" }, { new StringContent("Foto terlampir"), "description" },
        };
        var media = new ByteArrayContent("<script>alert(1)</script>"u8.ToArray());
        media.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(media, "media", "foto.jpg");

        using var client = app.CreateHttpClient();
        var response = await client.PostAsync("/open311/v2/requests.json", content);
        var (status, description) = await ErrorAsync(response, "json");

        Assert.Equal((HttpStatusCode.BadRequest, 400), (response.StatusCode, status));
        Assert.StartsWith("media", description, StringComparison.Ordinal);
        Assert.Contains("foto.jpg", description, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    private static StringContent Form(string body) => new(body, Encoding.UTF8, "application/x-www-form-urlencoded");

    private static async Task<(int Code, string Description)> ErrorAsync(HttpResponseMessage response, string format) =>
        Error(await response.Content.ReadAsStringAsync(), format);

    /// <summary>An HTTP/1.1 answer read off the socket: its status and its body (by Content-Length or chunked).</summary>
    private static async Task<(int Status, string Body)> ReadResponseAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = Encoding.ASCII.GetString(received.ToArray()).IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0, "The connection closed before the answer's headers.");
            received.Write(buffer, 0, read);
        }

        var head = Encoding.ASCII.GetString(received.ToArray(), 0, headerEnd);
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var length = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => (int?)int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var chunked = head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
        bool Complete(byte[] all) => length is { } n ? all.Length - headerEnd - 4 >= n : chunked && Encoding.UTF8.GetString(all).EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
        while (!Complete(received.ToArray()))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            received.Write(buffer, 0, read);
        }

        var rest = Encoding.UTF8.GetString(received.ToArray(), headerEnd + 4, (int)received.Length - headerEnd - 4);
        return (status, chunked ? Unchunk(rest) : rest);
    }

    private static string Unchunk(string body)
    {
        var text = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(body[position..lineEnd], 16);
            if (size == 0)
            {
                return text.ToString();
            }

            text.Append(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }

    private static (int Code, string Description) Error(string body, string format)
    {
        if (format == "xml")
        {
            var error = XDocument.Parse(body).Root!.Element("error")!;
            return (int.Parse(error.Element("code")!.Value, System.Globalization.CultureInfo.InvariantCulture), error.Element("description")!.Value);
        }

        var first = JsonDocument.Parse(body).RootElement[0];
        return (first.GetProperty("code").GetInt32(), first.GetProperty("description").GetString()!);
    }

    /// <summary>A sub-category (its code) and a fresh API client allowed to create requests (its key).</summary>
    private async Task<(string ServiceCode, string Key)> ArrangeAsync()
    {
        await StaffWorld.CreateAsync(app);
        return (await Open311Services.CodeAsync(app, "Multipart"), await Open311Services.KeyAsync(app));
    }
}
