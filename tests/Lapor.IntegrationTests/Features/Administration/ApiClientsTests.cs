using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Administration;

public sealed class ApiClientsTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Admin_CreatesKey_ShownOnceAndStoredHashed_ThenRevokes()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var created = await HtmlPage.FromAsync(await admin.Client.PostAsync("/admin/api", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await admin.TokenAsync(),
            ["name"] = "Gerbang SMS Uji",
            ["operations"] = "ReadRequests",
            ["requestsPerMinute"] = "120",
        })));
        var key = created.Document.QuerySelector("[data-testid=api-key]")!.TextContent.Trim();

        var client = await app.WithDbAsync(db => db.ApiClients.SingleAsync(c => c.Name == "Gerbang SMS Uji"));
        Assert.StartsWith("lpr_", key, StringComparison.Ordinal);
        Assert.Equal(ApiClient.Hash(key), client.KeyHash);
        Assert.DoesNotContain(key, client.KeyHash, StringComparison.Ordinal);
        Assert.True(client.Allows(ApiOperations.ReadRequests));
        Assert.False(client.Allows(ApiOperations.CreateRequests));
        Assert.DoesNotContain(key, (await admin.OpenAsync("/admin/api")).Html, StringComparison.Ordinal);

        await admin.Client.PostAsync($"/admin/api/{client.Id}/cabut", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await admin.TokenAsync(), ["confirmed"] = "true" }));

        Assert.NotNull(await app.WithDbAsync(db => db.ApiClients.Where(c => c.Id == client.Id).Select(c => c.RevokedAt).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, StaffWorld.Coordinator)).OpenAsync("/admin/api")).Status);
    }
}
