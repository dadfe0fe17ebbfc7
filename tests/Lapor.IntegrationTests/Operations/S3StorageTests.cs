using System.Net;
using System.Security.Cryptography;
using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.IntegrationTests.Operations;

/// <summary>Attachments in an S3-compatible bucket (Attachments:Store=S3), against a real S3-protocol server.</summary>
public sealed class S3StorageTests(S3Server s3) : IClassFixture<S3Server>, IDisposable
{
    private readonly S3App _app = new(s3);

    [Fact]
    public async Task AFiledPhoto_IsStoredInTheBucket_AndServedBackToTheReporter()
    {
        var (number, code) = await Citizen.FileAndConfirmAsync(_app.CreateBrowser(), extra: f => Citizen.AddFile(f, TestImages.Jpeg(), "foto.jpg", "image/jpeg"));
        var stored = await _app.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).SingleAsync());

        Assert.Contains($"attachments/{stored.StoredName}", s3.ObjectKeys());
        Assert.False(Directory.Exists(_app.AttachmentsPath) && Directory.EnumerateFiles(_app.AttachmentsPath).Any(), "Nothing is written to the local folder.");

        var reporter = _app.CreateBrowser();
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        await reporter.PostAsync($"/lacak/{number}/akses", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken($"/lacak/{number}/akses"),
            ["AccessCode"] = code!,
        }));
        var download = await reporter.GetAsync($"/lacak/{number}/lampiran/{stored.Id}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(stored.SizeBytes, bytes.Length);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task TheStore_SavesReadsAndDeletes_AndAMissingObjectIsNull()
    {
        var store = _app.Services.GetRequiredService<IAttachmentStore>();
        Assert.IsType<S3AttachmentStore>(store);
        var name = $"{Guid.NewGuid():N}.pdf";
        byte[] content = [.. "%PDF-1.7 uji"u8];

        await store.SaveAsync(name, new MemoryStream(content), CancellationToken.None);
        await using (var read = await store.OpenReadAsync(name, CancellationToken.None))
        {
            var copy = new MemoryStream();
            await read!.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }

        await store.DeleteAsync(name, CancellationToken.None);
        Assert.Null(await store.OpenReadAsync(name, CancellationToken.None));
        Assert.DoesNotContain($"attachments/{name}", s3.ObjectKeys());
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync("../lapor.db", CancellationToken.None));
    }

    /// <summary>A bucket that refuses (here: one that does not exist) is the store out of reach, as a full disk is for the folder.</summary>
    [Fact]
    public async Task TheStore_WhenTheBucketRefuses_SaysItIsOutOfReach()
    {
        using var store = new S3AttachmentStore(Options.Create(new AttachmentStorageOptions
        {
            S3 = { ServiceUrl = s3.ServiceUrl, Bucket = "bukan-ember-ini", AccessKey = S3Server.AccessKey, SecretKey = S3Server.SecretKey },
        }));

        var error = await Assert.ThrowsAsync<AttachmentStoreUnavailableException>(() =>
            store.SaveAsync($"{Guid.NewGuid():N}.jpg", new MemoryStream(TestImages.Jpeg()), CancellationToken.None));

        Assert.IsAssignableFrom<Amazon.Runtime.AmazonServiceException>(error.InnerException);
    }

    [Fact]
    public async Task TheSweep_RemovesOldObjectsNoReportNames_FromTheBucket()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(_app.CreateBrowser(), extra: f => Citizen.AddFile(f, TestImages.Jpeg(), "foto.jpg", "image/jpeg"));
        var named = await _app.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).Select(a => a.StoredName).SingleAsync());
        var orphan = $"{Guid.NewGuid():N}.jpg";
        await _app.Services.GetRequiredService<IAttachmentStore>().SaveAsync(orphan, new MemoryStream(TestImages.Jpeg()), CancellationToken.None);

        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var sweep = new AttachmentSweep(services.GetRequiredService<LaporDbContext>(), services.GetRequiredService<IAttachmentStore>(),
            services.GetRequiredService<IOptions<AttachmentStorageOptions>>(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(2)), NullLogger<AttachmentSweep>.Instance);
        await sweep.RunOnceAsync(CancellationToken.None);

        Assert.DoesNotContain($"attachments/{orphan}", s3.ObjectKeys());
        Assert.Contains($"attachments/{named}", s3.ObjectKeys());
    }

    public void Dispose() => _app.Dispose();

    private sealed class S3App(S3Server s3) : LaporAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Attachments:Store", "S3");
            builder.UseSetting("Attachments:S3:ServiceUrl", s3.ServiceUrl);
            builder.UseSetting("Attachments:S3:Bucket", S3Server.Bucket);
            builder.UseSetting("Attachments:S3:AccessKey", S3Server.AccessKey);
            builder.UseSetting("Attachments:S3:SecretKey", S3Server.SecretKey);
        }
    }
}
