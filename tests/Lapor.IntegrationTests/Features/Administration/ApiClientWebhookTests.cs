using Lapor.TestSupport;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Infrastructure.Integrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Administration;

/// <summary>/admin/api: an administrator sets an API client's webhook; a bad address or an http one (outside Development) is refused with a clear message.</summary>
public sealed class ApiClientWebhookTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("bukan-alamat", Secret, "harus alamat http(s) lengkap")]
    [InlineData("http://hooks.contoh.id/lapor", Secret, "harus memakai https")]
    [InlineData("https://hooks.contoh.id/lapor", "pendek", "Rahasia webhook harus 32")]
    public async Task BadWebhook_IsRefusedWithAClearMessage_AndNothingStored(string url, string secret, string message)
    {
        await StaffWorld.CreateAsync(app);
        var id = await ClientAsync();
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        await admin.SubmitAsync($"/admin/api/{id}/webhook", ("webhookUrl", url), ("webhookSecret", secret));
        var page = await admin.OpenAsync("/admin/api");

        Assert.Contains(message, page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == id).Select(c => c.WebhookUrl).SingleAsync()));
    }

    [Fact]
    public async Task Webhook_IsSet_SecretShownOnce_StoredProtected_ThenRemoved()
    {
        await StaffWorld.CreateAsync(app);
        var id = await ClientAsync();
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        using var set = await admin.SubmitAsync($"/admin/api/{id}/webhook", ("webhookUrl", "https://hooks.contoh.id/lapor"), ("webhookSecret", Secret));
        var once = await set.Content.ReadAsStringAsync();
        Assert.Contains(Secret, once, StringComparison.Ordinal);
        Assert.Contains("no-store", set.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var page = await admin.OpenAsync("/admin/api");

        Assert.Contains("https://hooks.contoh.id/lapor", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, page.Html, StringComparison.Ordinal);

        // The row holds no clear secret, not even a part of it; the app's key ring reads it back to sign.
        var stored = await app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == id).Select(c => c.WebhookSecret).SingleAsync());
        Assert.DoesNotContain(Secret[..16], stored, StringComparison.Ordinal);
        Assert.Equal(Secret, app.Services.GetRequiredService<WebhookSecrets>().Reveal(stored!));

        await admin.SubmitAsync($"/admin/api/{id}/webhook", ("webhookUrl", ""), ("webhookSecret", ""));
        Assert.Null(await app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == id).Select(c => c.WebhookUrl).SingleAsync()));
    }

    [Fact]
    public async Task Webhook_WithoutASecret_GetsAFreshOne_ShownOnce()
    {
        await StaffWorld.CreateAsync(app);
        var id = await ClientAsync();
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        using var set = await admin.SubmitAsync($"/admin/api/{id}/webhook", ("webhookUrl", "https://hooks.contoh.id/baru"), ("webhookSecret", ""));
        var shown = (await HtmlPage.FromAsync(set)).Document.QuerySelector("[data-testid=webhook-secret]")!.TextContent.Trim();

        Assert.StartsWith("whsec_", shown, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == id).Select(c => c.WebhookSecret).SingleAsync());
        Assert.DoesNotContain(shown, stored, StringComparison.Ordinal);
        Assert.Equal(shown, app.Services.GetRequiredService<WebhookSecrets>().Reveal(stored!));
        Assert.DoesNotContain(shown, (await admin.OpenAsync("/admin/api")).Html, StringComparison.Ordinal);

        // A new address with the secret left empty keeps the secret the receiver checks, and shows none.
        using var moved = await admin.SubmitAsync($"/admin/api/{id}/webhook", ("webhookUrl", "https://hooks.contoh.id/pindah"), ("webhookSecret", ""));
        Assert.Null((await HtmlPage.FromAsync(moved)).Document.QuerySelector("[data-testid=webhook-secret]"));
        var after = await app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == id).Select(c => new { c.WebhookUrl, c.WebhookSecret }).SingleAsync());
        Assert.Equal("https://hooks.contoh.id/pindah", after.WebhookUrl);
        Assert.Equal(shown, app.Services.GetRequiredService<WebhookSecrets>().Reveal(after.WebhookSecret!));
    }

    /// <summary>The settings are named for what they are and laid out below the table, not squeezed into a table cell (issue 20).</summary>
    [Fact]
    public async Task WebhookSettings_AreLabelledByClient_AndSitOutsideTheTable()
    {
        await StaffWorld.CreateAsync(app);
        var id = await ClientAsync();
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var page = await admin.OpenAsync("/admin/api");

        var name = await app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == id).Select(c => c.Name).SingleAsync());
        var settings = page.Document.QuerySelector($"details#webhook-{id}");
        Assert.NotNull(settings);
        Assert.Contains($"Atur webhook {name}", settings.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(settings.QuerySelector($"form[action='/admin/api/{id}/webhook'] label[for='webhook-url-{id}']"));
        Assert.Null(page.Document.QuerySelector("table form"));
    }

    private Task<int> ClientAsync() => app.WithDbAsync(async db =>
    {
        var (client, _) = ApiClient.Create("Aplikasi webhook admin " + Guid.NewGuid().ToString("N")[..6], ApiOperations.CreateRequests, 60, DateTimeOffset.UtcNow);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync();
        return client.Id;
    });
}
