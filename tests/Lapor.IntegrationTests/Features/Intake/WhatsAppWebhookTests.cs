using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Intake;

/// <summary>
/// WhatsApp Cloud API's own webhook on real Kestrel, without a relay: verification and signed notifications,
/// photos fetched from a Graph API stand-in.
/// </summary>
public sealed class WhatsAppWebhookTests(ChannelIntakeAppFactory app) : IClassFixture<ChannelIntakeAppFactory>
{
    [Fact]
    public async Task WhatsApp_Verification_AnswersTheChallengeAsText_OnlyWithTheVerifyToken()
    {
        using var client = app.CreateHttpClient();

        var verified = await client.GetAsync($"/intake/whatsapp?hub.mode=subscribe&hub.verify_token={ChannelIntakeAppFactory.WhatsAppVerifyToken}&hub.challenge=1158201444");
        var wrongToken = await client.GetAsync("/intake/whatsapp?hub.mode=subscribe&hub.verify_token=tebakan&hub.challenge=1158201444");
        var wrongMode = await client.GetAsync($"/intake/whatsapp?hub.mode=unsubscribe&hub.verify_token={ChannelIntakeAppFactory.WhatsAppVerifyToken}&hub.challenge=1158201444");
        var noToken = await client.GetAsync("/intake/whatsapp?hub.mode=subscribe&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal("text/plain", verified.Content.Headers.ContentType!.MediaType);
        Assert.Equal("1158201444", await verified.Content.ReadAsStringAsync());
        Assert.All([wrongToken, wrongMode, noToken], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.DoesNotContain("1158201444", await wrongToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatsApp_SignedTextMessage_FilesAWhatsAppReport_ForgeriesFileNothing()
    {
        var body = Notification(TextMessage("6281234560001", "wamid.teks-001", "Jembatan di Desa Sukamaju retak.\nMohon segera diperiksa."), ("6281234560001", "Rina"));
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        var otherSecret = await PostWhatsAppAsync(body, HubSignature("rahasia-lain", body));
        var unsigned = await PostWhatsAppAsync(body, null);
        var tampered = await PostWhatsAppAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("retak", "bagus", StringComparison.Ordinal)), HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, body));
        Assert.All([otherSecret, unsigned, tampered], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("application/problem+json", otherSecret.Content.Headers.ContentType!.MediaType);
        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));

        var response = await PostWhatsAppAsync(body, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.SubmissionToken == Web.Features.Integrations.Intake.IncomingMessage.TokenOf(Channel.WhatsApp, "wamid.teks-001"))
            .Select(r => new { r.Id, r.Channel, r.Status, r.Title, r.TrackingNumber }).SingleAsync());
        Assert.Equal((Channel.WhatsApp, ReportStatus.Unverified, "Jembatan di Desa Sukamaju retak."), (report.Channel, report.Status, report.Title));
        Assert.Equal(report.TrackingNumber, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString());
        var identity = await app.WithDbAsync(db => db.ReporterIdentities.Where(i => i.ReportId == report.Id).Select(i => new { i.FullName, i.Phone, i.ReplyChannel, i.ReplyTo }).SingleAsync());
        Assert.Equal(("Rina", "+6281234560001", NotificationChannel.WhatsApp), (identity.FullName, identity.Phone, identity.ReplyChannel));
        var reply = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Channel == NotificationChannel.WhatsApp && m.Recipient == identity.ReplyTo));
        Assert.Contains(report.TrackingNumber, reply.PayloadJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatsApp_StatusCallbacksAndStickers_AreAcknowledged_NothingFiled()
    {
        var statuses = Encoding.UTF8.GetBytes("""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
            "statuses":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA","status":"delivered","timestamp":"1750030073","recipient_id":"6281234560009"}]},
            "field":"messages"}]}]}
            """);
        var sticker = Notification(new { from = "6281234560009", id = "wamid.stiker-1", timestamp = "1750030073", type = "sticker", sticker = new { id = "1", mime_type = "image/webp" } });
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        foreach (var body in new[] { statuses, sticker })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostWhatsAppAsync(body, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, body))).StatusCode);
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task WhatsApp_ImageMessage_AttachmentComesFromTheGraphApi_WithoutExif()
    {
        app.WhatsApp.Add("1013859600285441", "image/jpeg", TestImages.JpegWithExif());
        var body = Notification(new
        {
            from = "6281234560002", id = "wamid.foto-001", timestamp = "1750030073", type = "image",
            image = new { caption = "Tiang listrik miring di Jl. Merdeka", mime_type = "image/jpeg", sha256 = "uji", id = "1013859600285441" },
        });

        var response = await PostWhatsAppAsync(body, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
        var attachment = await app.WithDbAsync(db => db.Attachments.SingleAsync(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)));
        Assert.Equal("image/jpeg", attachment.ContentType);
        var stored = await File.ReadAllBytesAsync(Path.Combine(app.AttachmentsPath, attachment.StoredName));
        Assert.Equal([0xFF, 0xD8], stored[..2]);
        Assert.DoesNotContain(TestImages.ExifCanary, Encoding.ASCII.GetString(stored), StringComparison.Ordinal);
        Assert.Contains("1013859600285441", app.WhatsApp.Served);
        Assert.Equal(0, app.WhatsApp.Unauthorized);
    }

    /// <summary>
    /// The attachment folder out of reach (a full disk): 503 with a time to come back, so Meta delivers the webhook again
    /// (it retries what is not answered with 200); once the folder is back, the same delivery files the report once.
    /// </summary>
    [Fact]
    public async Task WhatsApp_Photo_WhenItCannotBeStored_Is503_AndTheRedeliveryFilesItOnce()
    {
        var body = Photo("6281234560077", "wamid.disk-penuh", "5005006007", "Jembatan gantung putus di Desa Lestari");

        HttpResponseMessage refused;
        using (app.AttachmentFolderOutOfReach())
        {
            refused = await PostSignedAsync(body);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("120", refused.Headers.RetryAfter?.ToString());
        Assert.False(await app.WithDbAsync(db => db.Reports.AnyAsync(r => r.Title.Contains("Jembatan gantung putus"))));

        var redelivered = await PostSignedAsync(body);

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.Title.Contains("Jembatan gantung putus")).Select(r => new { r.Id, r.Channel }).SingleAsync());
        Assert.Equal(Channel.WhatsApp, report.Channel);
        Assert.Equal(1, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ReportId == report.Id)));
    }

    /// <summary>A photo for the sender's open report while the folder is out of reach: refused as a bad file is, and the reporter hears it on WhatsApp.</summary>
    [Fact]
    public async Task WhatsApp_PhotoForAnOpenReport_WhenItCannotBeStored_IsAnsweredOnTheChannel_AndAddsNothing()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostSignedAsync(Notification(TextMessage("6281234560078", "wamid.laporan-awal", "Saluran air tersumbat di Jl. Kenanga")))).StatusCode);
        var photo = Photo("6281234560078", "wamid.foto-tambahan", "5005006008", "Ini fotonya");

        HttpResponseMessage response;
        using (app.AttachmentFolderOutOfReach())
        {
            response = await PostSignedAsync(photo);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.Title.Contains("Saluran air tersumbat")).Select(r => r.Id).SingleAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync(a => a.ReportId == report)));
        var answer = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == "+6281234560078" && m.Template == "ConversationRefused").Select(m => m.PayloadJson).SingleAsync());
        Assert.Contains("belum dapat disimpan", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatsApp_PhotoWithoutCaption_IsFiledWithItAndASayingTitle()
    {
        app.WhatsApp.Add("2002003004", "image/jpeg", TestImages.Jpeg());
        var body = Notification(new { from = "6281234560008", id = "wamid.tanpa-teks", timestamp = "1750030075", type = "image", image = new { mime_type = "image/jpeg", sha256 = "uji", id = "2002003004" } });

        var response = await PostWhatsAppAsync(body, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, body));

        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.Id, r.Title }).SingleAsync());
        Assert.Equal("(Foto dikirim tanpa keterangan)", report.Title);
        Assert.Equal("image/jpeg", await app.WithDbAsync(db => db.Attachments.Where(a => a.ReportId == report.Id).Select(a => a.ContentType).SingleAsync()));
    }

    [Fact]
    public async Task WhatsApp_SeveralMessagesInOnePost_EachFiledOnce_AnUnfetchablePhotoKeepsItsText()
    {
        var body = Notification(
            [
                TextMessage("6281234560003", "wamid.banyak-1", "Sampah menumpuk di Pasar Baru."),
                new
                {
                    from = "6281234560004", id = "wamid.banyak-2", timestamp = "1750030074", type = "image",
                    image = new { caption = "Pohon tumbang menutup jalan", mime_type = "image/jpeg", sha256 = "uji", id = "999000111" }, // not on the Graph API
                },
            ],
            ("6281234560003", "Budi"), ("6281234560004", "Sari"));
        var signature = HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, body);

        var first = await PostWhatsAppAsync(body, signature);
        var again = await PostWhatsAppAsync(body, signature); // Meta's retry of the same notification

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var reports = await app.WithDbAsync(db => db.Reports
            .Where(r => db.ReporterIdentities.Any(i => i.ReportId == r.Id && (i.Phone == "+6281234560003" || i.Phone == "+6281234560004")))
            .Select(r => new { r.Title, Attachments = db.Attachments.Count(a => a.ReportId == r.Id) }).ToListAsync());
        Assert.Equal(["Pohon tumbang menutup jalan", "Sampah menumpuk di Pasar Baru."], reports.Select(r => r.Title).Order(StringComparer.Ordinal));
        Assert.All(reports, r => Assert.Equal(0, r.Attachments));
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == "+6281234560003" || m.Recipient == "+6281234560004")));
    }

    [Fact]
    public async Task WhatsApp_PhotoOverTheWebFormsLimit_IsNotKept_TheTextIs()
    {
        app.WhatsApp.Add("3003004005", "image/jpeg", [.. TestImages.Jpeg(), .. new byte[10 * 1024 * 1024]]);
        var body = Notification(new
        {
            from = "6281234560010", id = "wamid.besar", timestamp = "1750030076", type = "image",
            image = new { caption = "Foto terlalu besar dari jembatan", mime_type = "image/jpeg", sha256 = "uji", id = "3003004005" },
        });

        var response = await PostWhatsAppAsync(body, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, body));

        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => new { r.Id, r.Title }).SingleAsync());
        Assert.Equal("Foto terlalu besar dari jembatan", report.Title);
        Assert.False(await app.WithDbAsync(db => db.Attachments.AnyAsync(a => a.ReportId == report.Id)));
    }

    [Fact]
    public async Task WhatsApp_LocationStartsAReportThere_AThenSentPinIsInformationOnIt()
    {
        var pin = Notification(new { from = "6281234560021", id = "wamid.lokasi-1", timestamp = "1750030073", type = "location",
            location = new { latitude = -6.9147444, longitude = 107.6098111, name = "Alun-alun Bandung", address = "Jl. Asia Afrika" } });
        var text = Notification(TextMessage("6281234560021", "wamid.lokasi-2", "Trotoar amblas di depan alun-alun."));
        var laterPin = Notification(new { from = "6281234560021", id = "wamid.lokasi-3", timestamp = "1750030080", type = "location", location = new { latitude = -6.9151, longitude = 107.6101 } });

        var first = await PostWhatsAppAsync(pin, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, pin));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.Where(r => r.SubmissionToken == Web.Features.Integrations.Intake.IncomingMessage.TokenOf(Channel.WhatsApp, "wamid.lokasi-1"))
            .Select(r => new { r.Id, r.Location, r.Latitude, r.Longitude, r.Body }).SingleAsync());
        Assert.Equal(("Alun-alun Bandung, Jl. Asia Afrika", -6.914744m, 107.609811m), (report.Location, report.Latitude, report.Longitude));
        Assert.Contains("-6.914744, 107.609811", report.Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await PostWhatsAppAsync(text, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, text))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostWhatsAppAsync(laterPin, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, laterPin))).StatusCode);

        var messages = await app.WithDbAsync(db => db.Messages.Where(m => m.ReportId == report.Id).Select(m => m.Body).ToListAsync());
        Assert.Contains(messages, m => m.Contains("Trotoar amblas", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("-6.9151, 107.6101", StringComparison.Ordinal));
        Assert.Equal(1, await app.WithDbAsync(db => db.ReporterIdentities.CountAsync(i => i.ReplyTo == "+6281234560021")));
    }

    [Fact]
    public async Task WhatsApp_VoiceNoteOrSticker_IsAnsweredWithWhatIsTaken_OnceEach_NothingFiled()
    {
        var voice = Notification(new { from = "6281234560022", id = "wamid.suara-1", timestamp = "1750030073", type = "audio", audio = new { id = "991", mime_type = "audio/ogg; codecs=opus", voice = true } });
        var sticker = Notification(new { from = "6281234560022", id = "wamid.stiker-2", timestamp = "1750030074", type = "sticker", sticker = new { id = "992", mime_type = "image/webp" } });
        var before = await app.WithDbAsync(db => db.Reports.CountAsync());

        foreach (var body in new[] { voice, voice, sticker })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostWhatsAppAsync(body, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, body))).StatusCode);
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.Reports.CountAsync()));
        var answers = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Recipient == "+6281234560022").Select(m => new { m.Channel, m.Template, m.PayloadJson }).ToListAsync());
        Assert.Equal(2, answers.Count); // the resent voice note is answered once
        Assert.All(answers, a => Assert.Equal((NotificationChannel.WhatsApp, "ConversationRefused"), (a.Channel, a.Template)));
        Assert.All(answers, a => Assert.Contains("Intake.KindNotTaken", a.PayloadJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhatsApp_InteractiveReply_IsTakenAsItsVisibleTitle()
    {
        var reply = Notification(new { from = "6281234560023", id = "wamid.tombol-1", timestamp = "1750030073", type = "interactive",
            interactive = new { type = "button_reply", button_reply = new { id = "opsi-1", title = "Saluran air tersumbat" } } });

        Assert.Equal(HttpStatusCode.OK, (await PostWhatsAppAsync(reply, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, reply))).StatusCode);

        Assert.Equal("Saluran air tersumbat", await app.WithDbAsync(db => db.Reports
            .Where(r => r.SubmissionToken == Web.Features.Integrations.Intake.IncomingMessage.TokenOf(Channel.WhatsApp, "wamid.tombol-1")).Select(r => r.Title).SingleAsync()));
    }

    [Fact]
    public async Task EachRefusal_HasItsOwnTitle_TooLargeAndNotAWhatsAppNotification()
    {
        var large = Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"pad\":\"" + new string('x', 70 * 1024) + "\"}");
        var notJson = "bukan json"u8.ToArray();

        var tooLarge = await PostWhatsAppAsync(large, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, large));
        var notNotification = await PostWhatsAppAsync(notJson, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, notJson));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("Pesan terlalu besar: paling banyak 64 KB.", JsonDocument.Parse(await tooLarge.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, notNotification.StatusCode);
        Assert.StartsWith("Isi ini bukan notifikasi WhatsApp Business", JsonDocument.Parse(await notNotification.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString(),
            StringComparison.Ordinal);
    }

    private static object TextMessage(string from, string id, string text) => new { from, id, timestamp = "1750030073", type = "text", text = new { body = text } };

    private static byte[] Notification(object message, params (string WaId, string Name)[] contacts) => Notification([message], contacts);

    /// <summary>A messages notification as Meta documents it.</summary>
    private static byte[] Notification(object[] messages, params (string WaId, string Name)[] contacts) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        @object = "whatsapp_business_account",
        entry = new[]
        {
            new
            {
                id = "102290129340398",
                changes = new[]
                {
                    new
                    {
                        value = new
                        {
                            messaging_product = "whatsapp",
                            metadata = new { display_phone_number = "15550783881", phone_number_id = "106540352242922" },
                            contacts = contacts.Select(c => new { profile = new { name = c.Name }, wa_id = c.WaId }).ToArray(),
                            messages,
                        },
                        field = "messages",
                    },
                },
            },
        },
    });

    private static string HubSignature(string secret, byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>A photo message with a caption, its file served by the Graph API stand-in.</summary>
    private byte[] Photo(string from, string id, string mediaId, string caption)
    {
        app.WhatsApp.Add(mediaId, "image/jpeg", TestImages.Jpeg());
        return Notification(new { from, id, timestamp = "1750030076", type = "image", image = new { caption, mime_type = "image/jpeg", sha256 = "uji", id = mediaId } });
    }

    private Task<HttpResponseMessage> PostSignedAsync(byte[] body) => PostWhatsAppAsync(body, HubSignature(ChannelIntakeAppFactory.WhatsAppAppSecret, body));

    private async Task<HttpResponseMessage> PostWhatsAppAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/intake/whatsapp") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        return await app.SendBufferedAsync(request);
    }
}
