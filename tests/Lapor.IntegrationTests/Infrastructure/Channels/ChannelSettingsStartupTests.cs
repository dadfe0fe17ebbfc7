using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Infrastructure.Channels;

/// <summary>A half-configured channel stops the app at start with the key named, instead of failing on the first reply.</summary>
public sealed class ChannelSettingsStartupTests
{
    [Fact]
    public void WhatsAppTokenWithoutNumberOrTemplate_TheAppDoesNotStart_AndSaysWhichKeysAreMissing()
    {
        using var app = new LaporAppFactory();
        using var broken = app.WithWebHostBuilder(builder => builder.UseSetting("Channels:WhatsApp:AccessToken", "EAAG-tanpa-nomor"));

        var error = Assert.ThrowsAny<Exception>(() => broken.Services);

        Assert.Contains("Channels:WhatsApp:PhoneNumberId", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Channels:WhatsApp:TemplateName", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("EAAG-tanpa-nomor", error.ToString(), StringComparison.Ordinal);
    }
}
