using System.Net;
using System.Text;
using Lapor.TestSupport;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Reports;

public sealed class SubmitTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Submit_ValidGuestReport_RedirectsToConfirmationWithTrackingNumberAndAccessCode()
    {
        var client = app.CreateBrowser();

        var response = await Citizen.FileAsync(client, "Lampu jalan mati di Jl. Sudirman");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches(@"^/lapor/terkirim/LPR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", response.Headers.Location!.OriginalString);
        var confirmation = await HtmlPage.GetAsync(client, response.Headers.Location.OriginalString);
        var number = confirmation.Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim();
        var code = confirmation.Document.QuerySelector("[data-testid=access-code]")!.TextContent.Trim();

        var stored = await app.WithDbAsync(db => db.Reports.Include(r => r.Routing).SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(ReportStatus.Unverified, stored.Status);
        Assert.Equal(Channel.Web, stored.Channel);
        Assert.Equal("Lampu jalan mati di Jl. Sudirman", stored.Title);
        Assert.Equal(RoutingAction.Submit, Assert.Single(stored.Routing).Action);
        Assert.DoesNotContain(code, stored.AccessCodeHash!, StringComparison.Ordinal);
        Assert.True(AccessCode.Verify(code, stored.AccessCodeHash));
        var identity = await app.WithDbAsync(db => db.ReporterIdentities.SingleAsync(i => i.ReportId == stored.Id));
        Assert.Equal("Andi Wijaya", identity.FullName);
    }

    [Fact]
    public async Task Submitted_ReloadedConfirmation_StillShowsAccessCode_UntilDismissed()
    {
        var client = app.CreateBrowser();
        var response = await Citizen.FileAsync(client);
        var url = response.Headers.Location!.OriginalString;

        var first = await HtmlPage.GetAsync(client, url);
        var second = await HtmlPage.GetAsync(client, url);
        await client.PostAsync($"{url}/sudah-dicatat", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", second.AntiforgeryToken($"{url}/sudah-dicatat"))]));
        var third = await HtmlPage.GetAsync(client, url);

        Assert.NotNull(first.Document.QuerySelector("[data-testid=access-code]"));
        Assert.NotNull(second.Document.QuerySelector("[data-testid=access-code]"));
        Assert.Null(third.Document.QuerySelector("[data-testid=access-code]"));
    }

    [Fact]
    public async Task Submit_GuestReport_CodeTravelsInAnEncryptedReceipt_NotInTempData()
    {
        var client = app.CreateBrowser();

        var response = await Citizen.FileAsync(client);
        var confirmation = await HtmlPage.GetAsync(client, response.Headers.Location!.OriginalString);

        var code = confirmation.Document.QuerySelector("[data-testid=access-code]")!.TextContent.Trim();
        var set = response.Headers.GetValues("Set-Cookie").ToList();
        var receipt = Assert.Single(set, c => c.StartsWith("__Host-lapor.filed=", StringComparison.Ordinal));
        Assert.DoesNotContain(code, receipt, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(set, c => c.Contains("tempdata", StringComparison.OrdinalIgnoreCase));
        Assert.True(confirmation.Response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Submitted_PageOfAnotherNumber_DoesNotShowTheCode()
    {
        var client = app.CreateBrowser();
        var response = await Citizen.FileAsync(client);

        var other = await HtmlPage.GetAsync(client, "/lapor/terkirim/LPR-AB23-CD45");
        var own = await HtmlPage.GetAsync(client, response.Headers.Location!.OriginalString);

        Assert.Null(other.Document.QuerySelector("[data-testid=access-code]"));
        Assert.NotNull(own.Document.QuerySelector("[data-testid=access-code]"));
    }

    [Fact]
    public async Task Submitted_TwoReportsFiledInARow_EachConfirmationShowsItsOwnCode()
    {
        var client = app.CreateBrowser();
        var first = (await Citizen.FileAsync(client)).Headers.Location!.OriginalString["/lapor/terkirim/".Length..];
        var second = (await Citizen.FileAsync(client)).Headers.Location!.OriginalString["/lapor/terkirim/".Length..];

        var codes = new Dictionary<string, string>();
        foreach (var number in new[] { second, first })
        {
            var page = await HtmlPage.GetAsync(client, $"/lapor/terkirim/{number}");
            codes[number] = page.Document.QuerySelector("[data-testid=access-code]")!.TextContent.Trim();
        }

        var hashes = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == first || r.TrackingNumber == second).ToDictionaryAsync(r => r.TrackingNumber, r => r.AccessCodeHash));
        Assert.NotEqual(codes[first], codes[second]);
        Assert.True(AccessCode.Verify(codes[first], hashes[first]));
        Assert.True(AccessCode.Verify(codes[second], hashes[second]));
    }

    [Fact]
    public async Task Submit_IncompleteForm_ReRendersWithTypedTextAndCreatesNothing()
    {
        var client = app.CreateBrowser();
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());
        var page = await HtmlPage.GetAsync(client, "/lapor");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.AntiforgeryToken("/lapor")), "__RequestVerificationToken" },
            { new StringContent(page.InputValue("Form.SubmissionToken")), "Form.SubmissionToken" },
            { new StringContent("Sampah menumpuk di pasar"), "Form.Title" },
            { new StringContent("Kecamatan Utara"), "Form.Location" },
        };

        var result = await HtmlPage.FromAsync(await client.PostAsync("/lapor", form));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("Sampah menumpuk di pasar", result.InputValue("Form.Title"));
        Assert.Equal("Kecamatan Utara", result.InputValue("Form.Location"));
        Assert.Equal("Isi laporan wajib diisi.", result.FieldError("Form.Body"));
        Assert.Equal("Pilih jenis laporan.", result.FieldError("Form.Classification"));
        Assert.NotNull(result.FieldError("Form.Consent"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    /// <summary>Without script: the files of a form sent back with an error are kept (staged) and listed, and the corrected form files them.</summary>
    [Fact]
    public async Task Submit_InvalidFormWithFile_KeepsTheFileAndFilesItOnceCorrected()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/lapor");
        var submission = Guid.Parse(page.InputValue("Form.SubmissionToken"));
        var form = Citizen.ReportForm(page.AntiforgeryToken("/lapor"), submission, "Pendek", f => Citizen.AddFile(f, TestImages.JpegWithExif(), "foto-jalan.jpg", "image/jpeg"));

        var result = await HtmlPage.FromAsync(await client.PostAsync("/lapor", form));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("Pendek", result.InputValue("Form.Title"));
        Assert.DoesNotContain("lampirkan berkas Anda lagi", result.Text, StringComparison.Ordinal);
        var kept = result.Document.QuerySelector("input[name='Form.Staged'][type=checkbox]")!;
        Assert.True(kept.HasAttribute("checked"));
        Assert.Contains("foto-jalan.jpg", result.Document.QuerySelector(".uploader-list")!.TextContent, StringComparison.Ordinal);
        var thumbnail = await client.GetAsync(result.Document.QuerySelector("img.uploader-thumb")!.GetAttribute("src"));
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);

        var corrected = Citizen.ReportForm(result.AntiforgeryToken("/lapor"), submission, "Jalan berlubang di depan pasar", f => f.Add(new StringContent(kept.GetAttribute("value")!), "Form.Staged"));
        var filed = await client.PostAsync("/lapor", corrected);

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var attachment = await app.WithDbAsync(db => db.Attachments.SingleAsync(a => db.Reports.Any(r => r.Id == a.ReportId && r.SubmissionToken == submission)));
        Assert.Equal("foto-jalan.jpg", attachment.OriginalFileName);
        Assert.DoesNotContain(TestImages.ExifCanary, Encoding.ASCII.GetString(await File.ReadAllBytesAsync(Path.Combine(app.AttachmentsPath, attachment.StoredName))), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.StagedUploads.AnyAsync(s => s.FormToken == submission)));
    }

    /// <summary>An unticked kept file is left out of the report.</summary>
    [Fact]
    public async Task Submit_KeptFileUnticked_IsNotAttached()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/lapor");
        var submission = Guid.Parse(page.InputValue("Form.SubmissionToken"));
        var result = await HtmlPage.FromAsync(await client.PostAsync("/lapor",
            Citizen.ReportForm(page.AntiforgeryToken("/lapor"), submission, "Pendek", f => Citizen.AddFile(f, TestImages.Jpeg(), "salah-foto.jpg", "image/jpeg"))));
        Assert.NotNull(result.Document.QuerySelector("input[name='Form.Staged']"));

        var filed = await client.PostAsync("/lapor", Citizen.ReportForm(result.AntiforgeryToken("/lapor"), submission, "Jalan berlubang di depan pasar"));

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Attachments.AnyAsync(a => db.Reports.Any(r => r.Id == a.ReportId && r.SubmissionToken == submission))));
    }

    [Fact]
    public async Task Submit_WithoutAntiforgeryToken_Answers400AndCreatesNothing()
    {
        var client = app.CreateBrowser();
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());
        var form = Citizen.ReportForm("", Guid.NewGuid());

        var response = await client.PostAsync("/lapor", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Submit_SameFormPostedTwice_CreatesOneReport()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/lapor");
        var token = page.AntiforgeryToken("/lapor");
        var submission = Guid.Parse(page.InputValue("Form.SubmissionToken"));

        var responses = await Task.WhenAll(
            client.PostAsync("/lapor", Citizen.ReportForm(token, submission)),
            client.PostAsync("/lapor", Citizen.ReportForm(token, submission)),
            client.PostAsync("/lapor", Citizen.ReportForm(token, submission)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Single(responses.Select(r => r.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await app.WithDbAsync(db => db.Reports.CountAsync(r => r.SubmissionToken == submission)));
    }

    [Fact]
    public async Task Submit_PhotoWithExif_StoresImageWithoutMetadata()
    {
        var client = app.CreateBrowser();
        var photo = TestImages.JpegWithExif();
        Assert.Contains(TestImages.ExifCanary, Encoding.ASCII.GetString(photo), StringComparison.Ordinal);

        var (number, _) = await Citizen.FileAndConfirmAsync(client, extra: f => Citizen.AddFile(f, photo, "IMG_0001.jpg", "image/jpeg"));

        var attachment = await app.WithDbAsync(db => db.Attachments.SingleAsync(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)));
        Assert.Equal("image/jpeg", attachment.ContentType);
        Assert.Equal("IMG_0001.jpg", attachment.OriginalFileName);
        Assert.NotEqual("IMG_0001.jpg", attachment.StoredName);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(app.AttachmentsPath, attachment.StoredName));
        Assert.Equal([0xFF, 0xD8, 0xFF], bytes[..3]);
        var text = Encoding.ASCII.GetString(bytes);
        Assert.DoesNotContain(TestImages.ExifCanary, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> DisguisedFiles => new()
    {
        { "MZ\u0090\u0000\u0003\u0000\u0000\u0000This program cannot be run in DOS mode.", "setup.jpg", "image/jpeg" },
        { "<script>alert(1)</script>", "foto.jpg", "image/jpeg" },
        { "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "peta.png", "image/png" },
        { "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>", "bukti.png", "image/png" },
        { "\u00FF\u00D8\u00FF<html><script>alert(1)</script></html>", "poliglot.jpg", "image/jpeg" },
    };

    /// <summary>The content decides, not the name or the declared type: nothing is stored for a disguised file.</summary>
    [Theory]
    [MemberData(nameof(DisguisedFiles))]
    public async Task Submit_DisguisedFile_IsRefusedAndStoresNothing(string content, string name, string contentType)
    {
        var client = app.CreateBrowser();
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());
        var bytes = content.Select(c => (byte)c).ToArray();

        var response = await Citizen.FileAsync(client, title: "Laporan dengan lampiran palsu", extra: f => Citizen.AddFile(f, bytes, name, contentType));

        var page = await HtmlPage.FromAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains($"\"{name}\" tidak dapat dilampirkan: jenis berkas tidak didukung (JPG, PNG, PDF)", page.FieldError("Form.Attachments"), StringComparison.Ordinal);
        Assert.Equal("Laporan dengan lampiran palsu", page.InputValue("Form.Title"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Attachments.AnyAsync(a => a.OriginalFileName == name)));
    }

    [Fact]
    public async Task Submit_SixFiles_IsRefused()
    {
        var client = app.CreateBrowser();

        var response = await Citizen.FileAsync(client, extra: f =>
        {
            for (var i = 0; i < 6; i++)
            {
                Citizen.AddFile(f, TestImages.Jpeg(), $"foto{i}.jpg", "image/jpeg");
            }
        });

        var page = await HtmlPage.FromAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Paling banyak 5 lampiran per laporan.", page.FieldError("Form.Attachments"), StringComparison.Ordinal);
        Assert.Equal(5, page.Document.QuerySelectorAll("input[name='Form.Staged']").Length);
    }

    [Fact]
    public async Task Submit_ExtraFieldsForStatusAndIdentity_AreIgnored()
    {
        var client = app.CreateBrowser();

        var (number, _) = await Citizen.FileAndConfirmAsync(client, extra: f =>
        {
            f.Add(new StringContent("Completed"), "Form.Status");
            f.Add(new StringContent("Completed"), "Status");
            f.Add(new StringContent("someone-else"), "Form.ReporterUserId");
            f.Add(new StringContent("Sms"), "Form.Channel");
            f.Add(new StringContent("false"), "Form.IsGuest");
        });

        var report = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(ReportStatus.Unverified, report.Status);
        Assert.Null(report.ReporterUserId);
        Assert.Equal(Channel.Web, report.Channel);
    }

    [Fact]
    public async Task Submit_SignedInCitizen_ReportIsListedInLaporanSaya()
    {
        var client = app.CreateBrowser();
        var userId = await Citizen.CreateAccountAsync(app, "saya@contoh.id");
        await Citizen.SignInAsync(client, "saya@contoh.id");

        var (number, code) = await Citizen.FileAndConfirmAsync(client, "Antrean panjang di Puskesmas");

        Assert.Null(code);
        var report = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(userId, report.ReporterUserId);
        Assert.Null(report.AccessCodeHash);
        var mine = await HtmlPage.GetAsync(client, "/laporan-saya");
        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Contains(number, mine.Text, StringComparison.Ordinal);
        Assert.Contains("Antrean panjang di Puskesmas", mine.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_TamperedChoicesAndBadDate_GetLocalizedErrorsNotAServerError()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/lapor");
        var form = Citizen.ReportForm(page.AntiforgeryToken("/lapor"), Guid.NewGuid(), extra: f =>
        {
            f.Add(new StringContent("kemarin sore"), "Form.IncidentDate");
            f.Add(new StringContent("999999"), "Form.CategoryId");
        });

        var result = await HtmlPage.FromAsync(await client.PostAsync("/lapor", form));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("Isian Tanggal kejadian tidak valid.", result.FieldError("Form.IncidentDate"));
        Assert.DoesNotContain("Exception", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnknownCategoryOrAgency_IsRefusedWithMessage()
    {
        var client = app.CreateBrowser();
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var response = await Citizen.FileAsync(client, extra: f =>
        {
            f.Add(new StringContent("999999"), "Form.CategoryId");
            f.Add(new StringContent("888888"), "Form.TargetAgencyId");
        });

        var page = await HtmlPage.FromAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Pilihan ini tidak tersedia. Silakan pilih dari daftar.", page.FieldError("Form.CategoryId"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Submit_WithEmail_LeavesConfirmationMailNamingTheTrackingNumber()
    {
        var (number, code) = await Citizen.FileAndConfirmAsync(app.CreateBrowser(), "Pohon tumbang menutup jalan desa");

        var mail = await WaitForMailAsync(number);

        Assert.Contains("To: andi@contoh.id", mail, StringComparison.Ordinal);
        Assert.Contains("sudah kami terima", mail, StringComparison.Ordinal);
        Assert.DoesNotContain(code!, mail, StringComparison.Ordinal);
    }

    private async Task<string> WaitForMailAsync(string trackingNumber)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = Directory.Exists(app.MailPath)
                ? Directory.GetFiles(app.MailPath, "*.eml").Select(File.ReadAllText).FirstOrDefault(m => m.Contains(trackingNumber, StringComparison.Ordinal))
                : null;
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail for {trackingNumber} within 10 s.");
    }
}
