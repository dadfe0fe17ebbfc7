using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.IntegrationTests.Operations;

/// <summary>Files a cut-short filing left behind are removed once old enough; files reports name never are.</summary>
public sealed class AttachmentSweepTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    [Fact]
    public async Task OldUnnamedFilesAndUnfinishedUploads_AreRemoved_NamedAndRecentFilesStay()
    {
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), extra: f => Citizen.AddFile(f, TestImages.Jpeg(), "foto.jpg", "image/jpeg"));
        var named = await app.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).Select(a => a.StoredName).SingleAsync());
        var orphan = $"{Guid.NewGuid():N}.jpg";
        var unfinished = $"{Guid.NewGuid():N}.png.part";
        await File.WriteAllBytesAsync(Path.Combine(app.AttachmentsPath, orphan), TestImages.Jpeg());
        await File.WriteAllBytesAsync(Path.Combine(app.AttachmentsPath, unfinished), [1, 2, 3]);

        Assert.Equal(0, await SweepAsync(DateTimeOffset.UtcNow)); // everything is younger than a day
        var removed = await SweepAsync(DateTimeOffset.UtcNow.AddDays(2));

        Assert.True(removed >= 2);
        Assert.False(File.Exists(Path.Combine(app.AttachmentsPath, orphan)));
        Assert.False(File.Exists(Path.Combine(app.AttachmentsPath, unfinished)));
        Assert.True(File.Exists(Path.Combine(app.AttachmentsPath, named)));
        Assert.Equal(0, await SweepAsync(DateTimeOffset.UtcNow.AddDays(2))); // and a second run finds nothing more
    }

    private async Task<int> SweepAsync(DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await new AttachmentSweep(services.GetRequiredService<LaporDbContext>(), services.GetRequiredService<IAttachmentStore>(),
            services.GetRequiredService<IOptions<AttachmentStorageOptions>>(), new FakeTimeProvider(now), NullLogger<AttachmentSweep>.Instance).RunOnceAsync(CancellationToken.None);
    }
}
