using System.Net;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.TestSupport.Providers;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Integrations;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>An API client's webhook: a status change of a report it filed reaches a local receiver, signed; a failure shows in /admin/surat and a retry delivers.</summary>
public sealed class WebhookTests(ManualJobsAppFactory app) : IClassFixture<ManualJobsAppFactory>
{
    private const string Secret = "rahasia-webhook-uji-0123456789abcdef";

    [Fact]
    public async Task StatusChange_OfAClientsReport_IsDeliveredSigned_FailureShownInOutbox_RetryDelivers()
    {
        var world = await StaffWorld.CreateAsync(app);
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var (serviceCode, key, clientId) = await ArrangeAsync(receiver.WebhookUrl);

        using var post = await app.CreateClient().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = serviceCode, ["description"] = "Lampu jalan padam di depan sekolah.", ["email"] = "kanari.webhook@contoh.id",
            ["lat"] = "-6.2", ["long"] = "106.8", ["first_name"] = "Budi", ["last_name"] = "Santoso",
        }));
        Assert.True(post.IsSuccessStatusCode, await post.Content.ReadAsStringAsync());
        var number = await app.WithDbAsync(db => db.Reports.Where(r => r.ApiClientId == clientId).Select(r => r.TrackingNumber).SingleAsync());

        // The coordinator verifies it: Unverified → Dispositioned, through the workflow like the staff screen.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.ReportWorkAt(DateTimeOffset.UtcNow).RunAsync(q => q.Where(r => r.TrackingNumber == number), null, step =>
            {
                step.Report.Verify(StoredReports.Coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, step.Schedule, step.Now);
                return Task.CompletedTask;
            }, CancellationToken.None);
            Assert.Equal(Lapor.Web.Features.Shared.Workflow.WorkResult.Done, result);
        }

        var delivery = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Channel == NotificationChannel.Webhook && m.ReportId != null
            && db.Reports.Any(r => r.Id == m.ReportId && r.TrackingNumber == number)));

        // The receiver is down: the delivery fails, stays unsent and shows in /admin/surat under the client's name.
        receiver.FailNext(1);
        await DispatchAsync(DateTimeOffset.UtcNow);
        var failed = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == delivery.Id));
        Assert.Null(failed.SentAt);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("503", failed.LastError, StringComparison.Ordinal);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var outbox = await admin.OpenAsync("/admin/surat");
        var line = outbox.Document.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("Aplikasi kota webhook", StringComparison.Ordinal));
        Assert.Contains("Pemberitahuan webhook ke aplikasi", line.TextContent, StringComparison.Ordinal);
        Assert.Contains(number, line.TextContent, StringComparison.Ordinal);
        Assert.Empty(receiver.Accepted);

        // The outbox's backoff: due again a minute later, and then delivered.
        await DispatchAsync(DateTimeOffset.UtcNow.AddMinutes(2));
        Assert.NotNull((await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == delivery.Id))).SentAt);
        var accepted = Assert.Single(receiver.Accepted);
        Assert.Empty(receiver.Refused);
        Assert.Equal(delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), accepted.Id);

        var body = JsonDocument.Parse(accepted.Body).RootElement;
        Assert.Equal(number, body.GetProperty("service_request_id").GetString());
        Assert.Equal("action_scheduled", body.GetProperty("status").GetString());
        Assert.StartsWith(number + "-", body.GetProperty("update_id").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("kanari.webhook", accepted.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receiver_RefusesAWrongSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.WebhookUrl) { Content = new StringContent("""{"status":"closed"}""", System.Text.Encoding.UTF8, "application/json") };
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign("rahasia-lain-yang-salah-0123456789", timestamp, """{"status":"closed"}"""u8));
        request.Headers.Add(WebhookSignature.DeliveryHeader, "1");

        using var response = await new HttpClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["signature mismatch"], receiver.Refused);
    }

    [Fact]
    public async Task ResponsesWithoutAStatusChange_ReachTheFilingClientOnce_NotesAndReasonsNever_OtherClientsNothing()
    {
        var world = await StaffWorld.CreateAsync(app);
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        await using var bystander = await WebhookReceiver.StartAsync(Secret);
        var (serviceCode, key, clientId) = await ArrangeAsync(receiver.WebhookUrl);
        await ArrangeAsync(bystander.WebhookUrl);

        using var post = await app.CreateClient().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = serviceCode, ["description"] = "Jalan berlubang di depan pasar.", ["email"] = "kanari.tanggapan@contoh.id", ["lat"] = "-6.2", ["long"] = "106.8",
        }));
        Assert.True(post.IsSuccessStatusCode, await post.Content.ReadAsStringAsync());
        var number = await app.WithDbAsync(db => db.Reports.Where(r => r.ApiClientId == clientId).OrderByDescending(r => r.Id).Select(r => r.TrackingNumber).FirstAsync());

        var officer = new Actor(null, ActorRole.Officer) { Agencies = [world.AgencyA] };
        var start = DateTimeOffset.UtcNow;
        await WorkAsync(number, start, s => s.Report.Verify(StoredReports.Coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, s.Schedule, s.Now));
        await WorkAsync(number, start.AddSeconds(1), s => s.Report.Respond(officer, "Petugas sudah survei lokasi.", MessageVisibility.Public, s.Schedule, s.Now));
        await WorkAsync(number, start.AddSeconds(2), s => s.Report.Respond(officer, "Perbaikan dijadwalkan pekan depan.", MessageVisibility.Public, s.Schedule, s.Now));
        await WorkAsync(number, start.AddSeconds(3), s => s.Report.AddNote(officer, "Kanari catatan internal webhook", s.Now));
        await WorkAsync(number, start.AddSeconds(4), s => s.Report.Forward(officer, new AgencyRef(world.AgencyB, null), "Kanari alasan terusan webhook", s.Schedule, s.Now));

        // The dispatcher takes 50 due messages a run, and this fixture's other mail may come first.
        for (var run = 0; run < 20 && receiver.Accepted.Count < 4; run++)
        {
            await DispatchAsync(DateTimeOffset.UtcNow.AddMinutes(1));
        }

        var bodies = receiver.Accepted.Select(d => d.Body).ToList();
        var updates = bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList();
        Assert.Equal(4, updates.Count); // verified, two responses, forwarded: the note is no update
        Assert.All(updates, u => Assert.Equal(number, u.GetProperty("service_request_id").GetString()));
        Assert.Single(updates, u => u.GetProperty("description").GetString() == "Petugas sudah survei lokasi.");
        var second = Assert.Single(updates, u => u.GetProperty("description").GetString() == "Perbaikan dijadwalkan pekan depan.");
        Assert.Equal("in_progress", second.GetProperty("status").GetString());
        Assert.Equal(4, updates.Select(u => u.GetProperty("update_id").GetString()).Distinct().Count());
        Assert.Single(updates, u => u.GetProperty("description").GetString()!.Contains(StaffWorld.AgencyBName, StringComparison.Ordinal)); // the forward, without its reason
        Assert.DoesNotContain(bodies, b => b.Contains("Kanari", StringComparison.Ordinal) || b.Contains("kanari", StringComparison.Ordinal));
        Assert.Empty(receiver.Refused);
        Assert.Empty(bystander.Accepted);

        // The feed tells the same updates, with the same ids.
        using var feed = await app.CreateClient().GetAsync($"/open311/v2/servicerequestupdates.json?start_date={Uri.EscapeDataString(start.AddSeconds(-1).ToString("O"))}");
        var listed = JsonDocument.Parse(await feed.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Where(u => u.GetProperty("service_request_id").GetString() == number).Select(u => u.GetProperty("update_id").GetString()).ToList();
        Assert.Equal(updates.Select(u => u.GetProperty("update_id").GetString()).Order(), listed.Order());
    }

    [Fact]
    public async Task AConfidentialReport_TellsItsClientTheEvents_NeverAnAnswersText_AndTheFeedNothing()
    {
        var world = await StaffWorld.CreateAsync(app);
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var (serviceCode, key, clientId) = await ArrangeAsync(receiver.WebhookUrl);
        using var post = await app.CreateClient().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = serviceCode, ["description"] = "Pungutan liar di loket kelurahan.", ["email"] = "pelapor.rahasia@contoh.id",
            ["lat"] = "-6.2", ["long"] = "106.8", ["attribute[confidential]"] = "true",
        }));
        Assert.True(post.IsSuccessStatusCode, await post.Content.ReadAsStringAsync());
        var number = await app.WithDbAsync(db => db.Reports.Where(r => r.ApiClientId == clientId).Select(r => r.TrackingNumber).SingleAsync());

        var officer = new Actor(null, ActorRole.Officer) { Agencies = [world.AgencyA] };
        var start = DateTimeOffset.UtcNow;
        await WorkAsync(number, start, s => s.Report.Verify(StoredReports.Coordinator, [world.AgencyA], ComplaintKind.Ordinary, null, null, s.Schedule, s.Now));
        await WorkAsync(number, start.AddSeconds(1), s => s.Report.Respond(officer, "Kanari jawaban laporan rahasia", MessageVisibility.Public, s.Schedule, s.Now));
        for (var run = 0; run < 20 && receiver.Accepted.Count < 2; run++)
        {
            await DispatchAsync(DateTimeOffset.UtcNow.AddMinutes(1));
        }

        Assert.Equal(2, receiver.Accepted.Count);
        Assert.All(receiver.Accepted, d => Assert.DoesNotContain("Kanari", d.Body, StringComparison.Ordinal));
        using var feed = await app.CreateClient().GetAsync($"/open311/v2/servicerequestupdates.json?start_date={Uri.EscapeDataString(start.AddSeconds(-1).ToString("O"))}");
        Assert.DoesNotContain(number, await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task WorkAsync(string number, DateTimeOffset at, Action<Lapor.Web.Features.Shared.Workflow.ReportWork.Step> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.ReportWorkAt(at).RunAsync(q => q.Where(r => r.TrackingNumber == number), null, step =>
        {
            change(step);
            return Task.CompletedTask;
        }, CancellationToken.None);
        Assert.Equal(Lapor.Web.Features.Shared.Workflow.WorkResult.Done, result);
    }

    [Fact]
    public async Task ASecretStoredInClear_IsProtectedAtStartUp_AndStillSigns()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var (client, _) = ApiClient.Create("Aplikasi kota lama " + Guid.NewGuid().ToString("N")[..6], ApiOperations.CreateRequests, 60, DateTimeOffset.UtcNow);
        client.SetWebhook(receiver.WebhookUrl, Secret, requireHttps: false, clear => clear); // as rows were kept before secrets were protected
        var delivery = await app.WithDbAsync(async db =>
        {
            db.ApiClients.Add(client);
            await db.SaveChangesAsync();
            var outbox = new NotificationOutbox(db);
            outbox.ToWebhook(client.Id, """{"update_id":"lama-1","status":"open"}""", null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return await db.OutboxMessages.Where(m => m.Channel == NotificationChannel.Webhook && m.Recipient == client.Id.ToString()).Select(m => m.Id).SingleAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<Lapor.Web.Operations.WebhookSecretBackfill>().RunAsync(CancellationToken.None) >= 1);
        }

        var stored = await app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == client.Id).Select(c => c.WebhookSecret).SingleAsync());
        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
        await DispatchAsync(DateTimeOffset.UtcNow);

        Assert.NotNull((await app.WithDbAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == delivery))).SentAt);
        Assert.Equal(delivery.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(receiver.Accepted).Id);
        Assert.Empty(receiver.Refused);
    }

    private async Task DispatchAsync(DateTimeOffset now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<OutboxDispatcher>(scope.ServiceProvider, new FakeTimeProvider(now)).RunOnceAsync(CancellationToken.None);
    }

    /// <summary>A service code, and an API client allowed to file with its webhook at the receiver (http: this test runs outside Development with https relaxed in the database only).</summary>
    private async Task<(string ServiceCode, string Key, int ClientId)> ArrangeAsync(string webhookUrl)
    {
        var code = await Open311Services.CodeAsync(app, "Webhook");
        var (client, key) = ApiClient.Create("Aplikasi kota webhook", ApiOperations.CreateRequests, 1000, DateTimeOffset.UtcNow);
        client.SetWebhook(webhookUrl, Secret, requireHttps: false, app.Services.GetRequiredService<WebhookSecrets>().Protect);
        var id = await app.WithDbAsync(async db =>
        {
            db.ApiClients.Add(client);
            await db.SaveChangesAsync();
            return client.Id;
        });
        return (code, key, id);
    }
}
