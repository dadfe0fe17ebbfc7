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
    [InlineData("""{"from":"6281234567890","id":"wamid.e","timestamp":"1","type":"text","text":{"body":"  "}}""")]
    [InlineData("""{"from":"+6281234567890","id":"wamid.p","timestamp":"1","type":"text","text":{"body":"Halo"}}""")] // not a WhatsApp id
    [InlineData("""{"from":"6281234567890","timestamp":"1","type":"text","text":{"body":"Halo"}}""")] // no id: could not be deduplicated
    public void WhatsApp_NoMessage_IsLeftOut(string message)
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
        var video = IncomingMessage.FromTelegram(Utf8("""{"update_id":3,"message":{"message_id":9,"chat":{"id":42,"type":"private"},"document":{"file_id":"v","mime_type":"video/mp4"}}}"""))!;
        Assert.True(video.OfAKindNotTaken);
        Assert.Empty(video.Media);
    }

    [Fact]
    public void Telegram_LocationOrVenue_IsAPlace_VoiceIsAKindNotTaken()
    {
        var pin = IncomingMessage.FromTelegram(Utf8("""{"update_id":5,"message":{"message_id":11,"chat":{"id":42,"type":"private"},"location":{"latitude":-6.2087634,"longitude":106.845599}}}"""))!;
        var venue = IncomingMessage.FromTelegram(Utf8("""
            {"update_id":6,"message":{"message_id":12,"chat":{"id":42,"type":"private"},"location":{"latitude":-6.175392,"longitude":106.827153},
             "venue":{"location":{"latitude":-6.175392,"longitude":106.827153},"title":"Monas","address":"Gambir, Jakarta Pusat"}}}
            """))!;
        var voice = IncomingMessage.FromTelegram(Utf8("""{"update_id":7,"message":{"message_id":13,"chat":{"id":42,"type":"private"},"voice":{"file_id":"suara","file_unique_id":"u","duration":4,"mime_type":"audio/ogg"}}}"""))!;

        Assert.Equal(new SentLocation(-6.208763m, 106.845599m, null, null), pin.Message.Location);
        Assert.False(pin.OfAKindNotTaken);
        Assert.Equal(("Monas, Gambir, Jakarta Pusat", "Monas, Gambir, Jakarta Pusat (-6.175392, 106.827153)"), (venue.Message.Location!.Text, venue.Message.Location.Description));
        Assert.True(voice.OfAKindNotTaken);
        Assert.Equal(("", null), (voice.Message.Text, voice.Message.Location));
    }

    [Fact]
    public void WhatsApp_Location_IsAPlace_ARepliedButtonIsItsTitle()
    {
        var messages = WhatsApp("""
            {"from":"6281234567890","id":"wamid.lok","timestamp":"1750030073","type":"location","location":{"latitude":-7.2575,"longitude":112.7521,"name":"Balai Kota","address":"Jl. Taman Surya 1"}},
            {"from":"6281234567890","id":"wamid.pin","timestamp":"1750030074","type":"location","location":{"latitude":-7.25,"longitude":112.75}},
            {"from":"6281234567890","id":"wamid.btn","timestamp":"1750030075","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"ya","title":"Ya, masih rusak"}}},
            {"from":"6281234567890","id":"wamid.list","timestamp":"1750030076","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"r1","title":"Jalan","description":"Jalan rusak"}}},
            {"from":"6281234567890","id":"wamid.tpl","timestamp":"1750030077","type":"button","button":{"payload":"STATUS","text":"Cek status"}}
            """)!;

        Assert.Equal(5, messages.Count);
        Assert.Equal(new SentLocation(-7.2575m, 112.7521m, "Balai Kota", "Jl. Taman Surya 1"), messages[0].Message.Location);
        Assert.Equal(("", "-7.25, 112.75"), (messages[1].Message.Text, messages[1].Message.Location!.Text));
        Assert.Equal(new[] { "Ya, masih rusak", "Jalan", "Cek status" }, messages.Skip(2).Select(m => m.Message.Text));
        Assert.All(messages, m => Assert.False(m.OfAKindNotTaken));
    }

    [Fact]
    public void WhatsApp_VoiceVideoStickerContacts_AreKindsNotTaken_ReactionsAreNoMessage()
    {
        var messages = WhatsApp("""
            {"from":"6281234567890","id":"wamid.a","timestamp":"1","type":"audio","audio":{"id":"1","mime_type":"audio/ogg; codecs=opus","voice":true}},
            {"from":"6281234567890","id":"wamid.v","timestamp":"1","type":"video","video":{"id":"2","mime_type":"video/mp4"}},
            {"from":"6281234567890","id":"wamid.s","timestamp":"1","type":"sticker","sticker":{"id":"3","mime_type":"image/webp","animated":false}},
            {"from":"6281234567890","id":"wamid.c","timestamp":"1","type":"contacts","contacts":[{"name":{"formatted_name":"Budi"}}]},
            {"from":"6281234567890","id":"wamid.d","timestamp":"1","type":"document","document":{"id":"4","mime_type":"application/zip"}},
            {"from":"6281234567890","id":"wamid.r","timestamp":"1","type":"reaction","reaction":{"message_id":"wamid.a","emoji":"👍"}},
            {"from":"6281234567890","id":"wamid.out","timestamp":"1","type":"location","location":{"latitude":123.0,"longitude":10.0}}
            """)!;

        Assert.Equal(5, messages.Count); // a file of a type the web form refuses, without a caption, too
        Assert.All(messages, m => Assert.True(m.OfAKindNotTaken));
        Assert.All(messages, m => Assert.Equal(("", null), (m.Message.Text, m.Message.Location)));
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
    [InlineData("application/x-www-form-urlencoded; charset=ISO-8859-1", new byte[] { 0x43, 0x61, 0x66, 0x25, 0x45, 0x39 })]   // Caf%E9
    [InlineData("application/x-www-form-urlencoded; charset=\"windows-1252\"", new byte[] { 0x43, 0x61, 0x66, 0xE9 })]       // a raw byte
    [InlineData("application/x-www-form-urlencoded", new byte[] { 0x43, 0x61, 0x66, 0x25, 0x43, 0x33, 0x25, 0x41, 0x39 })]    // Caf%C3%A9, UTF-8 by default
    public void SmsForm_IsReadInItsDeclaredCharset(string contentType, byte[] cafe)
    {
        var body = Utf8("MessageSid=SM1&From=%2B6281234567890&Body=").Concat(cafe).Concat(Utf8("+rusak")).ToArray();

        var message = IncomingMessage.FromSmsForm(body, new SmsFormOptions { FromField = "From", TextField = "Body", MessageIdField = "MessageSid" }, FormCharset.Of(contentType))!;

        Assert.Equal("Café rusak", message.Text);
    }

    [Fact]
    public void FormCharset_Unknown_IsNull_NoneIsUtf8()
    {
        Assert.Null(FormCharset.Of("application/x-www-form-urlencoded; charset=klingon-7"));
        Assert.Equal(Encoding.UTF8, FormCharset.Of("application/x-www-form-urlencoded"));
        Assert.Equal("klingon-7", FormCharset.Name("application/x-www-form-urlencoded; charset=\"klingon-7\""));
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
