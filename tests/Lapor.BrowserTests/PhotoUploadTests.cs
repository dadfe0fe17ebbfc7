using System.Text.RegularExpressions;
using Lapor.BrowserTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SkiaSharp;

namespace Lapor.BrowserTests;

/// <summary>The filing form's photo picker with script, on a phone: photos upload when picked and survive an error.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PhotoUploadTests(BrowserFixture browser)
{
    [Fact]
    public async Task Photo_PickedThenFormSentBackWithAnError_IsStillAttachedAndFiledShrunk()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        var photo = BigPhotoFile();
        await page.GotoAsync($"{browser.BaseUrl}/lapor");

        await page.GetByLabel("Pengaduan").CheckAsync();
        await page.GetByLabel("Judul laporan").FillAsync("Lampu jalan padam di Jl. Melati");
        await page.GetByLabel("Lampiran").SetInputFilesAsync(photo);
        var thumbnail = page.Locator(".uploader-list img.uploader-thumb");
        await Assertions.Expect(thumbnail).ToHaveCountAsync(1);
        await Assertions.Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The picked photo's own thumbnail did not load (a blob: the page's policy refused?).");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Hapus {Path.GetFileNameWithoutExtension(photo)}.jpg" })).ToBeVisibleAsync();

        // The body is missing: the form comes back with an error, the photo with it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForSelectorAsync(".field-validation-error");
        Assert.Contains("Isi laporan wajib diisi.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Assertions.Expect(thumbnail).ToHaveCountAsync(1);
        await Assertions.Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth") > 0);

        await page.GetByLabel("Isi laporan").FillAsync("Sudah seminggu lampu jalan padam sehingga jalan gelap dan rawan kecelakaan.");
        await page.GetByLabel("Nama lengkap").FillAsync("Sri Wahyuni");
        await page.GetByLabel("Saya menyatakan laporan ini benar").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForURLAsync(SubmittedUrl());

        var number = (await page.GetByTestId("tracking-number").InnerTextAsync()).Trim();
        var attachment = await browser.App.WithDbAsync(db => db.Attachments.SingleAsync(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)));
        Assert.Equal("image/jpeg", attachment.ContentType);
        using var stored = SKBitmap.Decode(Path.Combine(browser.App.AttachmentsPath, attachment.StoredName));
        Assert.Equal(2048, Math.Max(stored.Width, stored.Height));
        File.Delete(photo);
    }

    [Fact]
    public async Task File_OfAnUnsupportedType_IsRefusedInTheBrowserSayingWhy()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync($"{browser.BaseUrl}/lapor");

        await page.GetByLabel("Lampiran").SetInputFilesAsync(new FilePayload { Name = "catatan.txt", MimeType = "text/plain", Buffer = "bukan foto"u8.ToArray() });

        await Assertions.Expect(page.Locator(".uploader-errors")).ToContainTextAsync("\"catatan.txt\" tidak dapat dilampirkan: jenis berkas tidak didukung (JPG, PNG, PDF)");
        await Assertions.Expect(page.Locator(".uploader-list li")).ToHaveCountAsync(0);

        // A PDF the server cannot read is refused there, by name; the status line no longer says it is uploading.
        await page.GetByLabel("Lampiran").SetInputFilesAsync(new FilePayload { Name = "rusak.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 bukan pdf sungguhan"u8.ToArray() });
        await Assertions.Expect(page.Locator(".uploader-errors")).ToContainTextAsync("rusak.pdf");
        await Assertions.Expect(page.Locator(".uploader-status")).ToBeEmptyAsync();
        await Assertions.Expect(page.Locator(".uploader-list li")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Photo_AddedToTheReportLater_UploadsWhenPicked_AndArrivesShrunkWithTheText()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        await page.GetByLabel("Pengaduan").CheckAsync();
        await page.GetByLabel("Judul laporan").FillAsync("Trotoar amblas di Jl. Kenanga");
        await page.GetByLabel("Isi laporan").FillAsync("Trotoar di depan sekolah amblas sedalam setengah meter dan belum dipasangi tanda.");
        await page.GetByLabel("Nama lengkap").FillAsync("Rudi Hartono");
        await page.GetByLabel("Saya menyatakan laporan ini benar").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForURLAsync(SubmittedUrl());
        var number = (await page.GetByTestId("tracking-number").InnerTextAsync()).Trim();

        // Later, from the report's own page: the photo uploads as soon as it is picked, then goes with the text.
        await page.GetByRole(AriaRole.Link, new() { Name = "Lihat status laporan" }).ClickAsync();
        var photo = BigPhotoFile();
        await page.GetByLabel("Foto atau dokumen (tidak wajib)").SetInputFilesAsync(photo);
        await Assertions.Expect(page.Locator(".uploader-list img.uploader-thumb")).ToHaveCountAsync(1);
        await page.GetByLabel("Keterangan tambahan atau jawaban Anda").FillAsync("Foto terbaru, sore ini.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByText("Keterangan Anda sudah terkirim.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Path.GetFileName(photo));
        var attachment = await browser.App.WithDbAsync(db => db.Attachments.SingleAsync(a => a.MessageId != null && db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)));
        using var stored = SKBitmap.Decode(Path.Combine(browser.App.AttachmentsPath, attachment.StoredName));
        Assert.Equal(2048, Math.Max(stored.Width, stored.Height));
        File.Delete(photo);
    }

    [Fact]
    public async Task Photo_StagedThenLanguageSwitched_IsStillAttached_AndFiledWithTheReport()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync($"{browser.BaseUrl}/lapor");
        await page.GetByLabel("Pengaduan").CheckAsync();
        await page.GetByLabel("Judul laporan").FillAsync("Saluran air tersumbat di Jl. Anggrek");
        await page.GetByLabel("Lampiran").SetInputFilesAsync(new FilePayload { Name = "saluran.jpg", MimeType = "image/jpeg", Buffer = Photo(640, 480) });
        await Assertions.Expect(page.Locator(".uploader-list .uploader-item[data-id]")).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Button, new() { Name = "Buka atau tutup menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        var thumbnail = page.Locator(".uploader-list img.uploader-thumb");
        await Assertions.Expect(thumbnail).ToHaveCountAsync(1);
        await Assertions.Expect(thumbnail).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await thumbnail.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        await Assertions.Expect(page.Locator(".uploader-list")).ToContainTextAsync("saluran.jpg");
        await page.Locator("#Form_Body").FillAsync("The drain has been blocked for two weeks and the street floods whenever it rains.");
        await page.GetByLabel("Full name").FillAsync("Dewi Lestari");
        await page.Locator("#Form_Consent").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await page.WaitForURLAsync(SubmittedUrl());

        var number = (await page.GetByTestId("tracking-number").InnerTextAsync()).Trim();
        var files = await browser.App.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).Select(a => a.OriginalFileName).ToListAsync());
        Assert.Equal("saluran.jpg", Assert.Single(files));
    }

    /// <summary>A phone camera's photo, in a file: 4000×3000, larger than the 2048 px the browser shrinks it to.</summary>
    private static string BigPhotoFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lampu-padam-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, Photo(4000, 3000));
        return path;
    }

    private static byte[] Photo(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Gold };
            canvas.DrawCircle(width / 2f, height / 2f, height * 0.3f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    [GeneratedRegex("/lapor/terkirim/LPR-")]
    private static partial Regex SubmittedUrl();
}
