using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Integrations.Intake;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Intake;

/// <summary>
/// Conversations on a channel: a later message from the same number goes to the reporter's open report (the answer
/// to a question, or more information), CEK and STATUS answer about the sender's own reports only, photos on a
/// follow-up become attachments through the web form's checks, and the workflow's news reaches the channel.
/// </summary>
public sealed class ConversationTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    [Fact]
    public async Task Sms_ReplyFromTheSameNumber_AnswersTheCoordinatorsQuestion_OnTheExistingReport()
    {
        await StaffWorld.CreateAsync(app);
        const string phone = "+6281237700001";
        var number = await FiledAsync(phone, "Air PDAM mati tiga hari.");
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "tunda", ("Text", "Di RT berapa tepatnya?"));
        Assert.Equal(ReportStatus.OnHold, await StatusAsync(number));

        // The question reaches the reporter on SMS, saying they may simply reply.
        var question = await LastReplyAsync(phone, "InformationRequested");
        Assert.Contains("Di RT berapa tepatnya?", question, StringComparison.Ordinal);
        Assert.Contains("Balas pesan ini", question, StringComparison.Ordinal);

        var answer = await SmsAsync(phone, "RT 04, dekat masjid.");

        Assert.Equal(number, answer);
        Assert.Equal(1, await app.WithDbAsync(db => db.ReporterIdentities.CountAsync(i => i.ReplyTo == phone)));
        Assert.Equal(ReportStatus.Unverified, await StatusAsync(number));
        var entry = (await app.WithDbAsync(db => db.Reports.AsNoTracking().Include(r => r.Routing).SingleAsync(r => r.TrackingNumber == number))).Routing.OrderBy(e => e.Id).Last();
        Assert.Equal((RoutingAction.AddInformation, (ReportStatus?)ReportStatus.OnHold, ReportStatus.Unverified), (entry.Action, entry.FromStatus, entry.ToStatus));
        Assert.Contains(number, await LastReplyAsync(phone, "ConversationAnswered"), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Template == "ReporterAnswered" && m.Recipient == StaffWorld.Coordinator && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number))));

        var page = await coordinator.OpenAsync($"/inbox/{number}");
        Assert.Contains("RT 04, dekat masjid.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Pelapor melengkapi keterangan", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_AnswerToAnAgencysQuestion_ResumesItsShare_ThenResponseAndCompletionReachTheChannel()
    {
        var world = await StaffWorld.CreateAsync(app);
        const string phone = "+6281237700002";
        var number = await FiledAsync(phone, "Lampu jalan di Jl. Melati mati.");
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        Assert.Contains(StaffWorld.AgencyAName, await LastReplyAsync(phone, "Verified"), StringComparison.Ordinal);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        await officer.ActAsync(number, "minta-keterangan", ("Text", "Tiang nomor berapa?"));
        Assert.Contains("Tiang nomor berapa?", await LastReplyAsync(phone, "InformationRequested"), StringComparison.Ordinal);

        Assert.Equal(number, await SmsAsync(phone, "Tiang nomor 12."));

        var share = await app.WithDbAsync(db => db.Assignments.AsNoTracking().SingleAsync(a => a.Report!.TrackingNumber == number));
        Assert.Equal((AssignmentState.InProgress, (DateTimeOffset?)null), (share.State, share.PausedAt));
        Assert.True(await app.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Template == "ReporterAnswered" && m.Recipient == StaffWorld.OfficerA && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number))));
        Assert.Contains("Tiang nomor 12.", (await officer.OpenAsync($"/inbox/{number}")).Text, StringComparison.Ordinal);

        await officer.ActAsync(number, "tanggapi", ("Text", "Petugas dijadwalkan besok."), ("Public", "true"));
        Assert.Contains(number, await LastReplyAsync(phone, "ResponsePosted"), StringComparison.Ordinal);
        await officer.ActAsync(number, "tindak-lanjut-akhir", ("Text", "Lampu sudah diganti."), ("Public", "true"));
        Assert.Contains(number, await LastReplyAsync(phone, "FinalResponse"), StringComparison.Ordinal);

        // Nobody judged the answer in time: the report completes by itself, and the reporter hears it on SMS.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.DeadlineJobAt(DateTimeOffset.UtcNow.AddDays(40)).RunOnceAsync(CancellationToken.None);
        }

        Assert.Equal(ReportStatus.Completed, await StatusAsync(number));
        Assert.Contains(number, await LastReplyAsync(phone, "Completed"), StringComparison.Ordinal);

        // A completed report takes no more messages: the next one is a new report.
        var next = await FiledAsync(phone, "Lampu di Jl. Mawar juga mati.");
        Assert.NotEqual(number, next);
        Assert.Equal(Channel.Sms, await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == next).Select(r => r.Channel).SingleAsync()));
    }

    [Fact]
    public async Task Sms_UnaskedFollowUp_IsAddedAsMoreInformation_AndBaruFilesANewReportInstead()
    {
        await StaffWorld.CreateAsync(app);
        const string phone = "+6281237700003";
        var number = await FiledAsync(phone, "Sampah menumpuk di pasar.");

        Assert.Equal(number, await SmsAsync(phone, "Baunya sampai ke sekolah."));

        var message = await app.WithDbAsync(db => db.Messages.AsNoTracking().SingleAsync(m => m.Body == "Baunya sampai ke sekolah."));
        Assert.Equal((MessageKind.ReporterReply, ActorRole.Citizen), (message.Kind, message.AuthorRole));
        Assert.Equal(ReportStatus.Unverified, await StatusAsync(number));
        var added = await LastReplyAsync(phone, "ConversationAdded");
        Assert.Contains(number, added, StringComparison.Ordinal);
        Assert.Contains("BARU", added, StringComparison.Ordinal);

        var other = await FiledAsync(phone, "baru: Jalan berlubang di Jl. Kenanga.");

        Assert.NotEqual(number, other);
        Assert.Equal("Jalan berlubang di Jl. Kenanga.", await app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == other).Select(r => r.Title).SingleAsync()));

        // The newest open report takes the next message.
        Assert.Equal(other, await SmsAsync(phone, "Lubangnya sedalam 20 cm."));
    }

    [Fact]
    public async Task Telegram_SecondMessageInTheSameChat_GoesToTheReportTheFirstFiled()
    {
        await StaffWorld.CreateAsync(app);

        var first = await NumberOfAsync(await PostTelegramAsync(881234, 1, "Pipa air bocor di Jl. Cempaka."));
        var second = await PostTelegramAsync(881234, 2, "Bocornya makin besar sejak pagi.");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(first, await NumberOfAsync(second));
        Assert.True(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Bocornya makin besar sejak pagi." && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == first))));
        Assert.Contains(first!, await LastReplyAsync("881234", "ConversationAdded"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_FollowUpSentTwice_IsAddedOnceAndAnsweredOnce()
    {
        await StaffWorld.CreateAsync(app);
        const string phone = "+6281237700004";
        var number = await FiledAsync(phone, "Saluran air tersumbat.");
        var body = Json(new { message_id = "ulang-susulan", from = phone, text = "Airnya meluap ke jalan." });

        var first = await PostSignedAsync(body);
        var second = await PostSignedAsync(body);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(number, await NumberOfAsync(second));
        Assert.Equal(1, await app.WithDbAsync(db => db.Messages.CountAsync(m => m.Body == "Airnya meluap ke jalan.")));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == phone && m.Template == "ConversationAdded")));
    }

    [Fact]
    public async Task Cek_OwnReport_AnswersItsStatus_InTheReportersLanguage()
    {
        await StaffWorld.CreateAsync(app);
        const string phone = "+6281237700005";
        var number = await FiledAsync(phone, "Trotoar rusak di depan kantor camat.");

        Assert.Null(await SmsAsync(phone, $"cek {number.ToLowerInvariant()}"));

        var answer = await LastReplyAsync(phone, "ConversationReport");
        Assert.Contains(number, answer, StringComparison.Ordinal);
        Assert.Contains("Trotoar rusak di depan kantor camat.", answer, StringComparison.Ordinal);
        Assert.Contains("Belum Terverifikasi", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("{", answer, StringComparison.Ordinal);

        // Asked a question, the answer says it waits for them.
        await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).ActAsync(number, "tunda", ("Text", "Kantor camat mana?"));
        await SmsAsync(phone, $"CEK {number}");
        var held = await LastReplyAsync(phone, "ConversationReport");
        Assert.Contains("Tertunda", held, StringComparison.Ordinal);
        Assert.Contains("Petugas menunggu jawaban Anda", held, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cek_ForAReporterWhoFiledInEnglish_AnswersInEnglish()
    {
        await StaffWorld.CreateAsync(app);
        const string phone = "+6281237700014";
        var previous = CultureInfo.CurrentUICulture;
        Conversation.Outcome filed;
        try
        {
            // The filing keeps the language it was made in, as the web form does.
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            filed = await ReceiveAsync(new IncomingMessage(Channel.Sms, Guid.NewGuid(), "Broken streetlight on Jl. Melati.", null, phone, NotificationChannel.Sms, phone));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var number = Assert.IsType<Conversation.Filed>(filed).TrackingNumber!;
        await SmsAsync(phone, $"CEK {number}");

        var answer = await LastReplyAsync(phone, "ConversationReport");
        Assert.Contains($"Report {number}", answer, StringComparison.Ordinal);
        Assert.Contains("Not yet verified", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_FromAnotherNumberOrAnotherChannel_NeverGoesToSomeoneElsesReport()
    {
        await StaffWorld.CreateAsync(app);
        const string phone = "+6281237700015";
        var number = await FiledAsync(phone, "Parit di belakang pasar meluap.");

        var otherNumber = await FiledAsync("+6281237700016", "Parit di belakang pasar meluap juga.");
        var sameDigitsOnWhatsApp = Assert.IsType<Conversation.Filed>(
            await ReceiveAsync(new IncomingMessage(Channel.WhatsApp, Guid.NewGuid(), "Airnya sudah masuk rumah.", null, phone, NotificationChannel.WhatsApp, phone)));

        Assert.NotEqual(number, otherNumber);
        Assert.NotEqual(number, sameDigitsOnWhatsApp.TrackingNumber);
        Assert.IsNotType<Conversation.FollowedUp>(sameDigitsOnWhatsApp);
        Assert.Equal(0, await app.WithDbAsync(db => db.Messages.CountAsync(m => db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number))));
    }

    [Fact]
    public async Task Cek_SomeoneElsesReport_AnswersNotFound_ExactlyAsAnUnknownNumber()
    {
        await StaffWorld.CreateAsync(app);
        var number = await FiledAsync("+6281237700006", "Pungutan liar di kantor kelurahan.");
        const string stranger = "+6281237700007";

        await SmsAsync(stranger, $"CEK {number}");
        var theirs = await LastOutboxAsync(stranger);
        await SmsAsync(stranger, "CEK LPR-2222-3333");
        var unknown = await LastOutboxAsync(stranger);

        Assert.Equal(("ConversationNotFound", "ConversationNotFound"), (theirs.Template, unknown.Template));
        Assert.Equal(unknown.PayloadJson.Replace("LPR-2222-3333", number, StringComparison.Ordinal), theirs.PayloadJson);
        Assert.DoesNotContain("Pungutan", theirs.PayloadJson, StringComparison.Ordinal);
        Assert.Null(theirs.ReportId);

        // Nothing about the report went to the stranger.
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == stranger && m.Template == "ConversationReport")));
    }

    [Fact]
    public async Task Status_ListsTheSendersOpenReportsOnly()
    {
        await StaffWorld.CreateAsync(app);
        const string phone = "+6281237700008";
        var first = await FiledAsync(phone, "Pohon tumbang di Jl. Anggrek.");
        var second = await FiledAsync(phone, "BARU Kabel listrik menjuntai di Jl. Dahlia.");
        var someoneElse = await FiledAsync("+6281237700009", "Banjir di underpass.");

        await SmsAsync(phone, "STATUS");

        var list = await LastReplyAsync(phone, "ConversationOpenList");
        Assert.Contains($"{first} (Belum Terverifikasi): Pohon tumbang di Jl. Anggrek.", list, StringComparison.Ordinal);
        Assert.Contains(second, list, StringComparison.Ordinal);
        Assert.True(list.IndexOf(second, StringComparison.Ordinal) < list.IndexOf(first, StringComparison.Ordinal), "newest first");
        Assert.DoesNotContain(someoneElse, list, StringComparison.Ordinal);

        await SmsAsync("+6281237700010", "status");
        Assert.Contains("Tidak ada laporan Anda yang masih berjalan", await LastReplyAsync("+6281237700010", "ConversationNoneOpen"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.ReporterIdentities.CountAsync(i => i.ReplyTo == "+6281237700010")));
    }

    [Fact]
    public async Task PhotoOnAFollowUp_BecomesAnAttachmentOfTheMessage_WithoutMetadata()
    {
        await StaffWorld.CreateAsync(app);
        const string chat = "880011";
        var filed = await ReceiveAsync(chat, "Jembatan kayu di Kampung Baru retak.");
        var number = Assert.IsType<Conversation.Filed>(filed).TrackingNumber!;
        var photo = TestImages.JpegWithExif();
        Assert.Contains(TestImages.ExifCanary, Encoding.ASCII.GetString(photo), StringComparison.Ordinal);

        var outcome = await ReceiveAsync(chat, "Ini fotonya.", new IncomingMedia("jembatan.jpg", "image/jpeg", photo));

        Assert.Equal(new Conversation.FollowedUp(number), outcome);
        var attachment = await app.WithDbAsync(db => db.Attachments.AsNoTracking()
            .SingleAsync(a => db.Messages.Any(m => m.Id == a.MessageId && m.Body == "Ini fotonya." && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number))));
        Assert.Equal(("jembatan.jpg", ActorRole.Citizen), (attachment.OriginalFileName, attachment.UploadedBy));
        Assert.DoesNotContain(TestImages.ExifCanary, Encoding.ASCII.GetString(await File.ReadAllBytesAsync(Path.Combine(app.AttachmentsPath, attachment.StoredName))), StringComparison.Ordinal);
        Assert.Contains("jembatan.jpg", (await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync($"/inbox/{number}")).Text, StringComparison.Ordinal);

        // A file that is not what it claims refuses the message: nothing of it is kept, and the reporter hears why on the
        // channel (the platform gets its 200, so it does not resend for hours).
        var refused = await ReceiveAsync(chat, "Dan ini berkasnya.", new IncomingMedia("bukan-foto.jpg", "image/jpeg", "MZ this is not an image"u8.ToArray()));

        Assert.IsType<Conversation.Answered>(refused);
        Assert.False(await app.WithDbAsync(db => db.Messages.AnyAsync(m => m.Body == "Dan ini berkasnya.")));
        Assert.Contains("\"bukan-foto.jpg\" bukan JPEG, PNG atau PDF", await LastReplyAsync(chat, "ConversationRefused"), StringComparison.Ordinal);

        // So is a first message whose file is refused: no report is filed.
        var reports = await app.WithDbAsync(db => db.Reports.CountAsync());
        Assert.IsType<Conversation.Answered>(await ReceiveAsync("880012", "Jembatan retak, lihat berkas.", new IncomingMedia("x.jpg", "image/jpeg", "MZ"u8.ToArray())));
        Assert.Equal(reports, await app.WithDbAsync(db => db.Reports.CountAsync()));
        Assert.Contains("x.jpg", await LastReplyAsync("880012", "ConversationRefused"), StringComparison.Ordinal);
    }

    /// <summary>A hold waits for the reply that came by SMS: the 10-working-day archive does not take a report the reporter answered.</summary>
    [Fact]
    public async Task HoldAnsweredBySms_IsNotArchivedByTheExpiryJob_WhileAnUnansweredOneIs()
    {
        await StaffWorld.CreateAsync(app);
        const string phone = "+6281237700011";
        var answered = await FiledAsync(phone, "Jalan desa longsor.");
        var unanswered = await FiledAsync("+6281237700012", "Jalan desa longsor juga.");

        // Both held a week ago (five working days); one reporter replies by SMS today.
        var heldAt = DateTimeOffset.UtcNow.AddDays(-7);
        foreach (var number in new[] { answered, unanswered })
        {
            await StoredReports.ActAsync(app, number, (report, _) => report.Hold(StoredReports.Coordinator, "Di desa mana?", heldAt));
        }

        Assert.Equal(answered, await SmsAsync(phone, "Desa Sukamaju, dusun 2."));

        // Two weeks later, well past ten working days since the hold.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.DeadlineJobAt(DateTimeOffset.UtcNow.AddDays(14)).RunOnceAsync(CancellationToken.None);
        }

        Assert.Equal(ReportStatus.Unverified, await StatusAsync(answered));
        Assert.Equal(ReportStatus.Archived, await StatusAsync(unanswered));
        Assert.Contains(unanswered, await LastReplyAsync("+6281237700012", "Archived"), StringComparison.Ordinal);
    }

    /// <summary>A Telegram message with its photos, as the webhook hands it over once it fetched them.</summary>
    private Task<Conversation.Outcome> ReceiveAsync(string chat, string text, params IncomingMedia[] media) =>
        ReceiveAsync(new IncomingMessage(Channel.Telegram, Guid.NewGuid(), text, "Rina", null, NotificationChannel.Telegram, chat) { Media = media });

    private async Task<Conversation.Outcome> ReceiveAsync(IncomingMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Conversation>().ReceiveAsync(message, CancellationToken.None);
    }

    /// <summary>One SMS through the signed intake endpoint; the tracking number it answered with (none for a question answered).</summary>
    private async Task<string?> SmsAsync(string from, string text)
    {
        var response = await PostSignedAsync(Json(new { message_id = Guid.NewGuid().ToString("N"), from, text }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await NumberOfAsync(response);
    }

    /// <summary>An SMS that files a report (or goes to one); its tracking number.</summary>
    private async Task<string> FiledAsync(string from, string text) =>
        await SmsAsync(from, text) ?? throw new InvalidOperationException("The message was answered as a question, not taken as a report.");

    private static async Task<string?> NumberOfAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("tracking_number").GetString();

    private Task<ReportStatus> StatusAsync(string number) =>
        app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.Status).SingleAsync());

    private Task<OutboxMessage> LastOutboxAsync(string recipient) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == recipient).OrderBy(m => m.Id).LastAsync());

    /// <summary>The text of the last message with this template queued for the recipient on SMS or Telegram, as the channel sends it.</summary>
    private async Task<string> LastReplyAsync(string recipient, string template)
    {
        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Recipient == recipient && m.Template == template && m.Channel != NotificationChannel.Email).OrderBy(m => m.Id).LastAsync());
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<MailTemplates>().ComposeText(row.Template, row.Culture, row.PayloadJson);
    }

    private Task<HttpResponseMessage> PostTelegramAsync(long chat, long messageId, string text)
    {
        var update = Json(new { update_id = 910000 + messageId, message = new { message_id = messageId, from = new { id = chat, first_name = "Dewi" }, chat = new { id = chat, type = "private" }, date = 1764547200, text } });
        var request = new HttpRequestMessage(HttpMethod.Post, "/intake/telegram") { Content = new ByteArrayContent(update) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", LaporAppFactory.IntakeSecret);
        return app.CreateClient().SendAsync(request);
    }

    private static byte[] Json(object value) => JsonSerializer.SerializeToUtf8Bytes(value);

    private Task<HttpResponseMessage> PostSignedAsync(byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/intake/sms") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(IntakeSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(IntakeSignature.SignatureHeader, IntakeSignature.Sign(LaporAppFactory.IntakeSecret, timestamp, body));
        return app.CreateClient().SendAsync(request);
    }
}
