using Lapor.TestSupport.Providers;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Channels;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Options;

namespace Lapor.IntegrationTests.Infrastructure.Channels;

/// <summary>
/// The SMS sender's other shapes, form-encoded and GET, against a gateway stand-in that checks the
/// request against the same configuration character for character (the JSON shape goes through the
/// whole app in <see cref="ChannelSenderTests"/>). Text with '&amp;', '=', '%', quotes and a new line must arrive intact.
/// </summary>
public sealed class SmsGatewayEncodingTests
{
    private const string Awkward = "Jalan \"Merdeka\" & Gang 5 = rusak 100%\nMohon dicek.";

    [Fact]
    public async Task FormPost_ArrivesAsConfigured()
    {
        await using var gateway = new SmsGatewayStandIn("POST", "userkey=lapor&passkey=rahasia&to={to}&message={text}", json: false);
        var sender = Sender(new SmsGatewayOptions
        {
            Url = gateway.Url, BodyTemplate = gateway.BodyTemplate, BodyEncoding = SmsBodyEncoding.Form,
            AuthHeaderName = SmsGatewayStandIn.AuthHeaderName, AuthHeaderValue = SmsGatewayStandIn.AuthHeaderValue,
        });

        await sender.SendAsync(new ChannelMessage(NotificationChannel.Sms, "+6281234567001", Awkward, "LPR-FORM-2345"), CancellationToken.None);

        Assert.Empty(gateway.Violations);
        Assert.Equal(("+6281234567001", Awkward), Assert.Single(gateway.Delivered));
    }

    [Fact]
    public async Task Get_ArrivesAsConfigured_InTheNumberFormatAsked()
    {
        await using var gateway = new SmsGatewayStandIn("GET", "to={to}&text={text}", json: false);
        var sender = Sender(new SmsGatewayOptions
        {
            Url = gateway.Url, Method = "GET", AuthHeaderName = SmsGatewayStandIn.AuthHeaderName, AuthHeaderValue = SmsGatewayStandIn.AuthHeaderValue,
            NumberFormat = PhoneNumberFormat.National,
        });

        await sender.SendAsync(new ChannelMessage(NotificationChannel.Sms, "+6281234567002", Awkward, null), CancellationToken.None);

        Assert.Empty(gateway.Violations);
        Assert.Equal(("081234567002", Awkward), Assert.Single(gateway.Delivered));
    }

    [Fact]
    public async Task WrongKey_IsRetriedLater_NotGivenUp_AndTheKeyIsNotInTheError()
    {
        await using var gateway = new SmsGatewayStandIn("POST", """{"to":"{to}","text":"{text}"}""", json: true);
        var sender = Sender(new SmsGatewayOptions { Url = gateway.Url, AuthHeaderName = SmsGatewayStandIn.AuthHeaderName, AuthHeaderValue = "kunci-salah" });

        var refusal = await Assert.ThrowsAsync<ChannelDeliveryException>(() => sender.SendAsync(new ChannelMessage(NotificationChannel.Sms, "081234567003", "Uji", null), CancellationToken.None));

        Assert.False(refusal.Permanent); // an administrator fixes the key; the message goes then
        Assert.Equal(401, refusal.ProviderCode);
        Assert.DoesNotContain("kunci-salah", refusal.Message, StringComparison.Ordinal);
        Assert.Empty(gateway.Delivered);
    }

    private static SmsGatewaySender Sender(SmsGatewayOptions sms) =>
        new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, Options.Create(new ChannelOptions { Sms = sms }));
}
