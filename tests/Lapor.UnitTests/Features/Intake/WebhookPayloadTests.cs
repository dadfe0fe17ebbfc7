using System.Text;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Integrations.Intake;

namespace Lapor.UnitTests.Features.Intake;

/// <summary>Reading the platforms' documented payloads into messages: WhatsApp Cloud API, Telegram, an SMS gateway's form.</summary>
public sealed class WebhookPayloadTests
{
    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private const string Envelope = """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{
          "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
          "contacts":[{"profile":{"name":"Rina"},"wa_id":"6281234567890"},{"profile":{"name":"Budi"},"wa_id":"6281111111111"}],
          "messages":[MESSAGES]}}]}]}
        """;

    private static IReadOnlyList<WebhookMessage>? WhatsApp(string messages) => WhatsAppWebhook.Read(Utf8(Envelope.Replace("MESSAGES", messages, StringComparison.Ordinal)));

    [Fact]
    public void WhatsApp_Text_IsAMessageFromThatNumber_WithTheContactsName()
    {
        var message = Assert.Single(WhatsApp("""{"from":"6281111111111","id":"wamid.HBgL1","timestamp":"1750030073","type":"text","text":{"body":" Jalan berlubang \n di RT 02 "}}""")!);

        Assert.Equal(new IncomingMessage(Channel.WhatsApp, IncomingMessage.TokenOf(Channel.WhatsApp, "wamid.HBgL1"), "Jalan berlubang \n di RT 02", "Budi", "+6281111111111",
            NotificationChannel.WhatsApp, "+6281111111111"), message.Message);
        Assert.Empty(message.Media);
    }

    [Fact]
    public void WhatsApp_ImageAndDocument_NameTheirMedia_CaptionIsTheText()
    {
        var messages = WhatsApp("""
            {"from":"6281234567890","id":"wamid.img","timestamp":"1","type":"image","image":{"caption":"Banjir","mime_type":"image/jpeg","sha256":"x","id":"1013859600285441"}},
            {"from":"6281234567890","id":"wamid.doc","timestamp":"2","type":"document","document":{"filename":"surat.pdf","mime_type":"application/pdf","sha256":"y","id":"2002"}},
            {"from":"6281234567890","id":"wamid.nocaption","timestamp":"3","type":"image","image":{"mime_type":"image/png","sha256":"z","id":"3003"}}
            """)!;

        Assert.Equal(3, messages.Count);
        Assert.Equal(("Banjir", new MediaReference("1013859600285441", null, "image/jpeg")), (messages[0].Message.Text, Assert.Single(messages[0].Media)));
        Assert.Equal(("", new MediaReference("2002", "surat.pdf", "application/pdf")), (messages[1].Message.Text, Assert.Single(messages[1].Media)));
        Assert.Equal("", messages[2].Message.Text);
        Assert.All(messages, m => Assert.Equal("Rina", m.Message.Name));
    }

    [Theory]
    [InlineData("""{"from":"6281234567890","id":"wamid.s","timestamp":"1","type":"sticker","sticker":{"id":"1","mime_type":"image/webp"}}""")]
    [InlineData("""{"from":"6281234567890","id":"wamid.v","timestamp":"1","type":"video","video":{"id":"1","mime_type":"video/mp4"}}""")]
    [InlineData("""{"from":"6281234567890","id":"wamid.d","timestamp":"1","type":"document","document":{"id":"1","mime_type":"application/zip"}}""")] // a type the web form refuses, no caption
    [InlineData("""{"from":"6281234567890","id":"wamid.e","timestamp":"1","type":"text","text":{"body":"  "}}""")]
    [InlineData("""{"from":"+6281234567890","id":"wamid.p","timestamp":"1","type":"text","text":{"body":"Halo"}}""")] // not a WhatsApp id
    [InlineData("""{"from":"6281234567890","timestamp":"1","type":"text","text":{"body":"Halo"}}""")] // no id: could not be deduplicated
    public void WhatsApp_NothingToFile_IsLeftOut(string message)
    {
        Assert.Empty(WhatsApp(message)!);
    }

    [Fact]
    public void WhatsApp_DocumentOfAnotherType_KeepsItsCaptionOnly()
    {
        var message = Assert.Single(WhatsApp("""{"from":"6281234567890","id":"wamid.z","timestamp":"1","type":"document","document":{"caption":"Lihat lampiran","id":"1","mime_type":"application/zip"}}""")!);

        Assert.Equal("Lihat lampiran", message.Message.Text);
        Assert.Empty(message.Media);
    }

    [Fact]
    public void WhatsApp_StatusesOnly_IsEmpty_AnotherObjectOrNotJson_IsNull()
    {
        Assert.Empty(WhatsAppWebhook.Read(Utf8("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"statuses":[{"id":"wamid.x","status":"read"}]}}]}]}"""))!);
        Assert.Null(WhatsAppWebhook.Read(Utf8("""{"object":"page","entry":[]}""")));
        Assert.Null(WhatsAppWebhook.Read(Utf8("message_id=1&from=62")));
    }

    [Fact]
    public void Telegram_Photo_TakesTheLargestSize_AndTheCaption()
    {
        var received = IncomingMessage.FromTelegram(Utf8("""
            {"update_id":1,"message":{"message_id":7,"from":{"id":42,"first_name":"Dewi"},"chat":{"id":42,"type":"private"},"date":1,"caption":"Got mampet",
             "photo":[{"file_id":"kecil","file_unique_id":"a","width":90,"height":67},{"file_id":"besar","file_unique_id":"c","width":1280,"height":960},{"file_id":"sedang","file_unique_id":"b","width":320,"height":240}]}}
            """))!;

        Assert.Equal(("Got mampet", "42", "Dewi"), (received.Message.Text, received.Message.ReplyTo, received.Message.Name));
        Assert.Equal(new MediaReference("besar", null, "image/jpeg"), Assert.Single(received.Media));
    }

    [Theory]
    [InlineData("\"language_code\":\"en\",", "en")]
    [InlineData("\"language_code\":\"en-GB\",", "en")]
    [InlineData("\"language_code\":\"id\",", "id")]
    [InlineData("\"language_code\":\"jv\",", "id")]
    [InlineData("", null)]
    public void Telegram_LanguageCode_IsTheSendersLanguage_EnglishOrElseIndonesian(string field, string? culture)
    {
        var received = IncomingMessage.FromTelegram(Utf8($$$"""{"update_id":1,"message":{"message_id":7,"from":{"id":42,{{{field}}}"first_name":"Dewi"},"chat":{"id":42,"type":"private"},"text":"Lampu mati"}}"""))!;

        Assert.Equal(culture, received.Message.Culture);
    }

    [Fact]
    public void Telegram_PdfDocumentWithoutCaption_IsAMessage_OtherDocumentsAreNot()
    {
        var pdf = IncomingMessage.FromTelegram(Utf8("""{"update_id":2,"message":{"message_id":8,"chat":{"id":42,"type":"private"},"document":{"file_id":"dok","file_name":"bukti.pdf","mime_type":"application/pdf"}}}"""))!;

        Assert.Equal(("", new MediaReference("dok", "bukti.pdf", "application/pdf")), (pdf.Message.Text, Assert.Single(pdf.Media)));
        Assert.Null(IncomingMessage.FromTelegram(Utf8("""{"update_id":3,"message":{"message_id":9,"chat":{"id":42,"type":"private"},"document":{"file_id":"v","mime_type":"video/mp4"}}}""")));
    }

    [Fact]
    public void Telegram_BotCommand_IsReadAsItsText_ForTheConversationToAnswer()
    {
        var command = IncomingMessage.FromTelegram(Utf8("""{"update_id":4,"message":{"message_id":10,"chat":{"id":42,"type":"private"},"text":"/cek@LaporKotaBot LPR-ABCD-EFGH","entities":[{"type":"bot_command","offset":0,"length":17}]}}"""))!;

        Assert.Equal(("/cek@LaporKotaBot LPR-ABCD-EFGH", "42"), (command.Message.Text, command.Message.ReplyTo));
        Assert.Equal("LPR-ABCD-EFGH", Assert.IsType<ConversationCommand.Check>(ConversationCommand.Parse(command.Message.Text)).TrackingNumber);
    }

    [Theory]
    [InlineData("+6281234567890")]
    [InlineData("6281234567890")]
    [InlineData("081234567890")]
    [InlineData("0812-3456-7890")]
    public void SmsSender_InEverySpelling_IsAnsweredAtOneE164Number(string from)
    {
        var message = IncomingMessage.FromGateway(Utf8($$"""{"message_id":"m1","from":"{{from}}","text":"Halo"}"""), Channel.Sms)!;

        Assert.Equal(("+6281234567890", "+6281234567890"), (message.Phone, message.ReplyTo));
    }

    [Theory]
    [InlineData("TELKOMSEL")]
    [InlineData("3636")]
    [InlineData("81234567890")]
    public void SmsSender_ThatIsNoPhoneNumber_IsNoMessage(string from)
    {
        Assert.Null(IncomingMessage.FromGateway(Utf8($$"""{"message_id":"m1","from":"{{from}}","text":"Halo"}"""), Channel.Sms));
    }

    [Fact]
    public void SmsForm_ReadsTheConfiguredFields_PlusAsSpace()
    {
        var fields = new SmsFormOptions { FromField = "From", TextField = "Body", MessageIdField = "MessageSid", NameField = "FromName" };

        var message = IncomingMessage.FromSmsForm(Utf8("MessageSid=SM1&From=%2B6281234567890&FromName=Siti&Body=Air+mati+%26+keruh"), fields)!;

        Assert.Equal(new IncomingMessage(Channel.Sms, IncomingMessage.TokenOf(Channel.Sms, "SM1"), "Air mati & keruh", "Siti", "+6281234567890", NotificationChannel.Sms, "+6281234567890"), message);
    }

    [Theory]
    [InlineData("message_id=SM1&from=%2B6281234567890&text=Halo")]               // Lapor's names, not the configured ones
    [InlineData("MessageSid=SM1&From=%2B6281234567890&Body=+")]                   // no text
    [InlineData("MessageSid=SM1&MessageSid=SM2&From=%2B6281234567890&Body=Halo")] // an ambiguous id
    [InlineData("From=%2B6281234567890&Body=Halo")]                               // no id
    public void SmsForm_Incomplete_IsNull(string form)
    {
        Assert.Null(IncomingMessage.FromSmsForm(Utf8(form), new SmsFormOptions { FromField = "From", TextField = "Body", MessageIdField = "MessageSid" }));
    }
}
