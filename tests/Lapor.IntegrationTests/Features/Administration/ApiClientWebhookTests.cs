using Lapor.TestSupport;
using Lapor.Web.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

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
    public async Task Webhook_IsSet_ShownWithoutItsSecret_ThenRemoved()
    {
        await StaffWorld.CreateAsync(app);
        var id = await ClientAsync();
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        await admin.SubmitAsync($"/admin/api/{id}/webhook", ("webhookUrl", "https://hooks.contoh.id/lapor"), ("webhookSecret", Secret));
        var page = await admin.OpenAsync("/admin/api");

        Assert.Contains("https://hooks.contoh.id/lapor", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, page.Html, StringComparison.Ordinal);
        Assert.Equal(Secret, await app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == id).Select(c => c.WebhookSecret).SingleAsync()));

        await admin.SubmitAsync($"/admin/api/{id}/webhook", ("webhookUrl", ""), ("webhookSecret", ""));
        Assert.Null(await app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == id).Select(c => c.WebhookUrl).SingleAsync()));
    }

    private Task<int> ClientAsync() => app.WithDbAsync(async db =>
    {
        var (client, _) = ApiClient.Create("Aplikasi webhook admin " + Guid.NewGuid().ToString("N")[..6], ApiOperations.CreateRequests, 60, DateTimeOffset.UtcNow);
        db.ApiClients.Add(client);
        await db.SaveChangesAsync();
        return client.Id;
    });
}
