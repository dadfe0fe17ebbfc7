using System.Text.Json;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Channels;
using Lapor.Web.Infrastructure.Notifications;

namespace Lapor.UnitTests.Infrastructure.Channels;

/// <summary>What the senders put on the wire, and which settings are refused at start.</summary>
public sealed class ChannelRequestTests
{
    private static readonly WhatsAppChannelOptions WhatsApp = new() { AccessToken = "t", PhoneNumberId = "1065", TemplateName = "lapor_kabar", TemplateLanguage = "id" };

    [Fact]
    public void WhatsAppText_IsTheDocumentedTextMessage()
    {
        var body = JsonSerializer.Serialize(WhatsAppCloudSender.Body(WhatsApp, new ChannelMessage(NotificationChannel.WhatsApp, "+62 812-3456-7890", "Halo\nLPR-1", "LPR-1"), WhatsAppMessageKind.Text));

        Assert.Equal("""{"messaging_product":"whatsapp","recipient_type":"individual","to":"6281234567890","type":"text","text":{"preview_url":false,"body":"Halo\nLPR-1"}}""", body);
    }

    [Fact]
    public void WhatsAppTemplate_CarriesTheTrackingNumberAndTheTextOnOneLine()
    {
        var body = JsonSerializer.Serialize(WhatsAppCloudSender.Body(WhatsApp, new ChannelMessage(NotificationChannel.WhatsApp, "6281234567890", "Halo\nSampai jumpa", "LPR-1"), WhatsAppMessageKind.Template));

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"6281234567890","type":"template","template":{"name":"lapor_kabar","language":{"code":"id"},"components":[{"type":"body","parameters":[{"type":"text","text":"LPR-1"},{"type":"text","text":"Halo \u00B7 Sampai jumpa"}]}]}}""",
            body);
    }

    [Theory]
    [InlineData("Laporan LPR-AB12-CD34 selesai. https://lapor.id/lacak/LPR-AB12-CD34/tautan?t=x", "Laporan selesai. https://lapor.id/lacak/LPR-AB12-CD34/tautan?t=x")]
    [InlineData("Tanggapan Dinas PU atas laporan LPR-AB12-CD34:\nSudah ditambal.", "Tanggapan Dinas PU atas laporan: \u00B7 Sudah ditambal.")]
    [InlineData("Pertanyaan petugas untuk laporan LPR-AB12-CD34: di mana?", "Pertanyaan petugas untuk laporan: di mana?")]
    [InlineData("Buka https://lapor.id/lacak/LPR-AB12-CD34/tautan?t=x", "Buka https://lapor.id/lacak/LPR-AB12-CD34/tautan?t=x")]
    public void WhatsAppTemplate_LeavesTheTrackingNumberTo1_AndKeepsItInTheLink(string text, string expected)
    {
        var parameters = WhatsAppCloudSender.TemplateParameters(new ChannelMessage(NotificationChannel.WhatsApp, "6281234567890", text, "LPR-AB12-CD34"), "Anda");

        Assert.Equal(["LPR-AB12-CD34", expected], parameters);
    }

    [Fact]
    public void WhatsAppTemplate_ForNoSingleReport_SaysTheNeutralWord_NotADash()
    {
        var message = new ChannelMessage(NotificationChannel.WhatsApp, "6281234567890", "Laporan Anda yang masih berjalan:\nLPR-AB12-CD34", null);

        var parameters = WhatsAppCloudSender.TemplateParameters(message, "Anda");

        Assert.Equal(["Anda", "Laporan Anda yang masih berjalan: \u00B7 LPR-AB12-CD34"], parameters);
    }

    [Fact]
    public void WhatsAppTemplate_TakesTheVariantWhoseAnswerFitsTheParameter()
    {
        var message = new ChannelMessage(NotificationChannel.WhatsApp, "6281234567890", new string('a', 3000), "LPR-1") { TemplateText = "Singkat" };

        Assert.Equal(["LPR-1", "Singkat"], WhatsAppCloudSender.TemplateParameters(message, "Anda"));
    }

    [Fact]
    public async Task SmsJson_EscapesTheValuesInsideTheTemplate()
    {
        var sms = new SmsGatewayOptions { Url = new Uri("https://sms.example.id/send"), BodyTemplate = """{"to":"{to}","msg":"{text}"}""", AuthHeaderName = "X-Key", AuthHeaderValue = "k" };

        using var request = SmsGatewaySender.Request(sms, "081234567890", "Kata \"jalan\"\nrusak");

        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("""{"to":"+6281234567890","msg":"Kata \"jalan\"\nrusak"}""", await request.Content.ReadAsStringAsync());
        Assert.Equal("k", request.Headers.GetValues("X-Key").Single());
    }

    [Fact]
    public async Task SmsJson_WritesPlusAndLettersAsThemselves_ForGatewaysThatTakeEscapesLiterally()
    {
        var sms = new SmsGatewayOptions { Url = new Uri("https://sms.example.id/send"), BodyTemplate = """{"to":"{to}","msg":"{text}"}""" };

        using var request = SmsGatewaySender.Request(sms, "+6281234567890", "Perbaikan <jalan> & Café—ok\\");
        var body = await request.Content!.ReadAsStringAsync();

        Assert.Equal("""{"to":"+6281234567890","msg":"Perbaikan <jalan> & Café—ok\\"}""", body);
        Assert.Equal("Perbaikan <jalan> & Café—ok\\", JsonDocument.Parse(body).RootElement.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task SmsForm_PercentEncodesTheValues()
    {
        var sms = new SmsGatewayOptions { Url = new Uri("https://sms.example.id/send"), BodyTemplate = "userkey=abc&nohp={to}&pesan={text}", BodyEncoding = SmsBodyEncoding.Form };

        using var request = SmsGatewaySender.Request(sms, "+6281234567890", "A&B = 100%");

        Assert.Equal("application/x-www-form-urlencoded", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("userkey=abc&nohp=%2B6281234567890&pesan=A%26B%20%3D%20100%25", await request.Content.ReadAsStringAsync());
    }

    [Fact]
    public void SmsGet_PutsTheValuesInTheAddress()
    {
        var sms = new SmsGatewayOptions { Url = new Uri("https://sms.example.id/send?key=a%2Bb&to={to}&text={text}"), Method = "GET" };

        using var request = SmsGatewaySender.Request(sms, "+6281234567890", "jalan rusak");

        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Null(request.Content);
        Assert.Equal("https://sms.example.id/send?key=a%2Bb&to=%2B6281234567890&text=jalan%20rusak", request.RequestUri!.AbsoluteUri);
    }

    [Theory]
    [InlineData("+6281234567890", PhoneNumberFormat.E164, "+6281234567890")]
    [InlineData("6281234567890", PhoneNumberFormat.National, "081234567890")]
    [InlineData("0812-3456-7890", PhoneNumberFormat.DigitsOnly, "6281234567890")]
    [InlineData("+14155552671", PhoneNumberFormat.National, "+14155552671")]
    public async Task SmsNumber_IsWrittenAsTheGatewayWantsIt(string recipient, PhoneNumberFormat format, string sent)
    {
        var sms = new SmsGatewayOptions { Url = new Uri("https://sms.example.id/send"), BodyTemplate = """{"to":"{to}","text":"{text}"}""", NumberFormat = format };

        using var request = SmsGatewaySender.Request(sms, recipient, "halo");

        using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync());
        Assert.Equal(sent, body.RootElement.GetProperty("to").GetString());
    }

    [Fact]
    public void WhatsAppNumber_OfAnOlderNationalSpelling_GoesInInternationalForm()
    {
        var body = WhatsAppCloudSender.Body(WhatsApp, new ChannelMessage(NotificationChannel.WhatsApp, "081234567890", "Halo", "LPR-1"), WhatsAppMessageKind.Text);

        Assert.Equal("6281234567890", body["to"]);
    }

    [Theory]
    [InlineData("Sms:NumberFormat", "7", "NumberFormat")]
    [InlineData("Telegram:BotToken", "bukan token/../x", "BotToken")]
    [InlineData("WhatsApp:AccessToken", "EAAG", "PhoneNumberId")]
    [InlineData("Sms:Method", "DELETE", "Method")]
    [InlineData("Sms:BodyTemplate", "{\"to\":\"{to}\"}", "{text}")]
    [InlineData("Sms:AuthHeaderName", "X-Key", "go together")]
    [InlineData("Retries", "9", "Retries")]
    public void InvalidSettings_AreNamed(string key, string value, string named)
    {
        var options = new ChannelOptions { Sms = { Url = new Uri("https://sms.example.id/send") } };
        switch (key)
        {
            case "Telegram:BotToken": options.Telegram.BotToken = value; break;
            case "WhatsApp:AccessToken": options.WhatsApp.AccessToken = value; break;
            case "Sms:Method": options.Sms.Method = value; break;
            case "Sms:BodyTemplate": options.Sms.BodyTemplate = value; break;
            case "Sms:AuthHeaderName": options.Sms.AuthHeaderName = value; break;
            case "Sms:NumberFormat": options.Sms.NumberFormat = (PhoneNumberFormat)int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: options.Retries = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        Assert.Contains(options.Problems(), p => p.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultSettings_AreValid_AndConnectNothing()
    {
        var options = new ChannelOptions();

        Assert.Empty(options.Problems());
        Assert.False(options.Telegram.Connected || options.WhatsApp.Connected || options.Sms.Connected);
    }
}
