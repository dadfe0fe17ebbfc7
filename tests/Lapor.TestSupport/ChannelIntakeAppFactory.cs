using Lapor.TestSupport.Providers;
using Microsoft.AspNetCore.Hosting;

namespace Lapor.TestSupport;

/// <summary>
/// The app on real Kestrel with every channel webhook switched on (WhatsApp Cloud API, the SMS form
/// callback with a gateway's own field names, Telegram) and the platforms' media endpoints played by
/// local stand-ins. The outbox is not dispatched, so the replies stay to be looked at.
/// </summary>
public sealed class ChannelIntakeAppFactory : LaporAppFactory, IAsyncLifetime
{
    public const string WhatsAppAppSecret = "rahasia-aplikasi-meta-uji";
    public const string WhatsAppVerifyToken = "token-verifikasi-uji";
    public const string SmsFormToken = "token-gerbang-sms-uji";

    /// <summary>The form fields of the test's SMS gateway (as Twilio names them).</summary>
    public const string SmsFromField = "From", SmsTextField = "Body", SmsMessageIdField = "MessageSid";

    public WhatsAppMediaStandIn WhatsApp { get; private set; } = null!;

    public TelegramFileStandIn Telegram { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WhatsApp = await WhatsAppMediaStandIn.StartAsync();
        Telegram = await TelegramFileStandIn.StartAsync();
        UseKestrel(0);
        StartServer();
    }

    /// <summary>A plain client (no cookies, no redirects followed) for the server's address.</summary>
    public HttpClient CreateHttpClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = ClientOptions.BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:SecureCookies", "false");
        builder.UseSetting("Mail:DispatchEnabled", "false");
        builder.UseSetting("Intake:WhatsAppAppSecret", WhatsAppAppSecret);
        builder.UseSetting("Intake:WhatsAppVerifyToken", WhatsAppVerifyToken);
        builder.UseSetting("Intake:SmsForm:Token", SmsFormToken);
        builder.UseSetting("Intake:SmsForm:TokenQueryParameter", "token");
        builder.UseSetting("Intake:SmsForm:FromField", SmsFromField);
        builder.UseSetting("Intake:SmsForm:TextField", SmsTextField);
        builder.UseSetting("Intake:SmsForm:MessageIdField", SmsMessageIdField);
        builder.UseSetting("Channels:WhatsApp:AccessToken", WhatsAppMediaStandIn.AccessToken);
        builder.UseSetting("Channels:WhatsApp:ApiBaseUrl", WhatsApp.ApiBaseUrl.ToString());

        // A connected WhatsApp number also names its sending number and the template for replies outside the 24-hour window.
        builder.UseSetting("Channels:WhatsApp:PhoneNumberId", "106540352242922");
        builder.UseSetting("Channels:WhatsApp:TemplateName", "lapor_pembaruan");
        builder.UseSetting("Channels:Telegram:BotToken", TelegramFileStandIn.BotToken);
        builder.UseSetting("Channels:Telegram:ApiBaseUrl", Telegram.ApiBaseUrl.ToString());
    }

    /// <summary>The stand-ins; xUnit disposes the app itself afterwards.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await WhatsApp.DisposeAsync();
        await Telegram.DisposeAsync();
    }
}
