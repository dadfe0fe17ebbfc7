using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Features.Shared.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Reports;

/// <summary>/lapor/lampiran: photos uploaded as soon as they are picked (what uploader.js does), before the form is sent.</summary>
public sealed class StagingTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private sealed record Form(HttpClient Client, string Token, Guid Submission);

    private async Task<Form> OpenFormAsync(HttpClient? client = null)
    {
        client ??= app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/lapor");
        return new Form(client, page.AntiforgeryToken("/lapor"), Guid.Parse(page.InputValue("Form.SubmissionToken")));
    }

    private static async Task<HttpResponseMessage> StageAsync(Form form, byte[] bytes, string name, string contentType, Guid? submission = null)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(form.Token), "__RequestVerificationToken" },
            { new StringContent((submission ?? form.Submission).ToString()), "formToken" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/lapor/lampiran") { Content = content };
        request.Headers.Accept.ParseAdd("application/json");
        return await form.Client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Stage_Photo_IsStoredWithoutMetadataAndShownToItsBrowser()
    {
        var form = await OpenFormAsync();

        var response = await StageAsync(form, TestImages.JpegWithExif(), "IMG_2041.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var staged = await JsonAsync(response);
        Assert.Equal("IMG_2041.jpg", staged.GetProperty("name").GetString());
        var thumbnail = await form.Client.GetAsync(staged.GetProperty("fileUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, thumbnail.StatusCode);
        var bytes = await thumbnail.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain(TestImages.ExifCanary, System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stage_WrongType_IsRefusedNamingTheAcceptedTypes()
    {
        var form = await OpenFormAsync();

        var response = await StageAsync(form, "GIF89a-bukan-foto"u8.ToArray(), "animasi.gif", "image/gif");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"animasi.gif\" tidak dapat dilampirkan: jenis berkas tidak didukung (JPG, PNG, PDF)", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.StagedUploads.AnyAsync(s => s.FormToken == form.Submission)));
    }

    [Fact]
    public async Task Stage_TooBig_IsRefusedNamingTheLimit()
    {
        var form = await OpenFormAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        TestImages.Jpeg().CopyTo(big, 0);

        var response = await StageAsync(form, big, "besar.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"besar.jpg\" terlalu besar (maks. 10 MB)", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stage_BodyOverTheLimit_Answers413ProblemBeforeAntiforgery()
    {
        var form = await OpenFormAsync();

        var response = await StageAsync(form, new byte[12 * 1024 * 1024], "video.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("maks. 10 MB", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A staged id (and even the form's token) in another browser's hands opens, removes and attaches nothing.</summary>
    [Fact]
    public async Task StagedFile_OfAnotherBrowser_CannotBeReadRemovedOrAttached()
    {
        var owner = await OpenFormAsync();
        var staged = await JsonAsync(await StageAsync(owner, TestImages.Jpeg(), "milik-andi.jpg", "image/jpeg"));
        var id = staged.GetProperty("id").GetGuid();
        var stranger = await OpenFormAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(staged.GetProperty("fileUrl").GetString())).StatusCode);
        var removal = await stranger.Client.PostAsync(staged.GetProperty("removeUrl").GetString(),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = stranger.Token }));
        Assert.Equal(HttpStatusCode.NotFound, removal.StatusCode);
        var filing = await stranger.Client.PostAsync("/lapor", Citizen.ReportForm(stranger.Token, owner.Submission, "Mencoba melampirkan foto orang lain",
            f => f.Add(new StringContent(id.ToString()), "Form.Staged")));

        var page = await HtmlPage.FromAsync(filing);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("sudah tidak tersimpan", page.FieldError("Form.Attachments"), StringComparison.Ordinal);
        Assert.DoesNotContain("milik-andi.jpg", page.Html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.SubmissionToken == owner.Submission)));
        Assert.True(await app.WithDbAsync(db => db.StagedUploads.AnyAsync(s => s.Id == id)));
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync(staged.GetProperty("fileUrl").GetString())).StatusCode);
    }

    [Fact]
    public async Task Remove_ByItsBrowser_DeletesRowAndFile()
    {
        var form = await OpenFormAsync();
        var staged = await JsonAsync(await StageAsync(form, TestImages.Jpeg(), "keliru.jpg", "image/jpeg"));
        var id = staged.GetProperty("id").GetGuid();
        var stored = await app.WithDbAsync(db => db.StagedUploads.Where(s => s.Id == id).Select(s => s.StoredName).SingleAsync());

        var removal = await form.Client.PostAsync(staged.GetProperty("removeUrl").GetString(),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form.Token }));

        Assert.Equal(HttpStatusCode.NoContent, removal.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.StagedUploads.AnyAsync(s => s.Id == id)));
        Assert.False(File.Exists(Path.Combine(app.AttachmentsPath, stored)));
    }

    [Fact]
    public async Task Stage_MoreThanFiveForOneForm_IsRefusedNamingTheLimit()
    {
        var form = await OpenFormAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await StageAsync(form, TestImages.Jpeg(), $"foto-{i}.jpg", "image/jpeg")).StatusCode);
        }

        var sixth = await StageAsync(form, TestImages.Jpeg(), "foto-6.jpg", "image/jpeg");

        Assert.Equal(HttpStatusCode.BadRequest, sixth.StatusCode);
        Assert.Contains("Paling banyak 5 lampiran", (await JsonAsync(sixth)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cleanup_RemovesDayOldStagedFiles_RowAndStoredFile_AndKeepsFreshOnes()
    {
        var form = await OpenFormAsync();
        var old = (await JsonAsync(await StageAsync(form, TestImages.Jpeg(), "kemarin.jpg", "image/jpeg"))).GetProperty("id").GetGuid();
        var fresh = (await JsonAsync(await StageAsync(form, TestImages.Jpeg(), "barusan.jpg", "image/jpeg"))).GetProperty("id").GetGuid();
        var oldStored = await app.WithDbAsync(db => db.StagedUploads.Where(s => s.Id == old).Select(s => s.StoredName).SingleAsync());
        var dayAndAMinuteAgo = DateTimeOffset.UtcNow.AddDays(-1).AddMinutes(-1);
        await app.WithDbAsync(db => db.StagedUploads.Where(s => s.Id == old).ExecuteUpdateAsync(u => u.SetProperty(s => s.StagedAt, dayAndAMinuteAgo)));
        Assert.True(File.Exists(Path.Combine(app.AttachmentsPath, oldStored)));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<StagedUploadCleanup>().RunOnceAsync(CancellationToken.None) >= 1);
        }

        Assert.False(await app.WithDbAsync(db => db.StagedUploads.AnyAsync(s => s.Id == old)));
        Assert.False(File.Exists(Path.Combine(app.AttachmentsPath, oldStored)));
        Assert.True(await app.WithDbAsync(db => db.StagedUploads.AnyAsync(s => s.Id == fresh)));
    }

    /// <summary>Without script a too-large form is refused at once with the 413 page naming the limits, not "the form expired".</summary>
    [Fact]
    public async Task Submit_BodyOverTheLimit_Answers413PageNamingTheLimits()
    {
        var form = await OpenFormAsync();
        var content = Citizen.ReportForm(form.Token, form.Submission, extra: f => Citizen.AddFile(f, new byte[56 * 1024 * 1024], "video.jpg", "image/jpeg"));

        var page = await HtmlPage.FromAsync(await form.Client.PostAsync("/lapor", content));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Status);
        Assert.Contains("Kiriman terlalu besar", page.Text, StringComparison.Ordinal);
        Assert.Contains("10 MB", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("kedaluwarsa", page.Text, StringComparison.OrdinalIgnoreCase);
    }
}
