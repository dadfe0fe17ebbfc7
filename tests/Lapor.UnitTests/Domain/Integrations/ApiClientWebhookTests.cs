using Lapor.Web.Domain;
using Lapor.Web.Domain.Integrations;

namespace Lapor.UnitTests.Domain.Integrations;

public sealed class ApiClientWebhookTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    /// <summary>Stands for the app's protector: the domain keeps whatever it is given, never the secret itself.</summary>
    private static string Protect(string secret) => "protected:" + new string(secret.Reverse().ToArray());

    private static ApiClient Client() => ApiClient.Create("Aplikasi Kota", ApiOperations.CreateRequests, 60, DateTimeOffset.UnixEpoch).Client;

    [Theory]
    [InlineData("bukan alamat", "ApiClient.WebhookUrl")]
    [InlineData("ftp://hooks.contoh.id/lapor", "ApiClient.WebhookUrl")]
    [InlineData("https://user:sandi@hooks.contoh.id/lapor", "ApiClient.WebhookUrl")]
    [InlineData("/relatif", "ApiClient.WebhookUrl")]
    [InlineData("http://hooks.contoh.id/lapor", "ApiClient.WebhookHttps")]
    public void SetWebhook_RefusesBadAddresses(string url, string code)
    {
        var refused = Assert.Throws<DomainException>(() => Client().SetWebhook(url, Secret, requireHttps: true, Protect));
        Assert.Equal(code, refused.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("pendek")]
    public void SetWebhook_RefusesShortSecrets(string? secret) =>
        Assert.Equal("ApiClient.WebhookSecret", Assert.Throws<DomainException>(() => Client().SetWebhook("https://hooks.contoh.id/lapor", secret, requireHttps: true, Protect)).Code);

    [Fact]
    public void SetWebhook_KeepsAddressAndSecret_HttpOnlyWhenAllowed_AndRemoves()
    {
        var client = Client();
        client.SetWebhook("http://127.0.0.1:5000/hook", Secret, requireHttps: false, Protect);
        Assert.Equal("http://127.0.0.1:5000/hook", client.WebhookUrl);
        Assert.Equal(Protect(Secret), client.WebhookSecret);

        client.RemoveWebhook();
        Assert.Null(client.WebhookUrl);
        Assert.Null(client.WebhookSecret);
    }

    [Fact]
    public void NewWebhookSecret_IsLongEnoughAndFreshEachTime()
    {
        var (first, second) = (ApiClient.NewWebhookSecret(), ApiClient.NewWebhookSecret());
        Assert.True(first.Length >= ApiClient.MinimumSecretLength);
        Assert.NotEqual(first, second);
        Client().SetWebhook("https://hooks.contoh.id/lapor", first, requireHttps: true, Protect);
    }
}
