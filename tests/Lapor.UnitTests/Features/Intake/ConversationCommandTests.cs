using Lapor.Web.Features.Integrations.Intake;

namespace Lapor.UnitTests.Features.Intake;

/// <summary>What a channel message asks for: the keywords in any case, a tracking number as people type it, and plain text left as a message.</summary>
public sealed class ConversationCommandTests
{
    [Theory]
    [InlineData("CEK LPR-ABCD-EFGH")]
    [InlineData("cek lpr-abcd-efgh")]
    [InlineData("Cek: LPRABCDEFGH")]
    [InlineData("  CHECK lpr abcd efgh  ")]
    [InlineData("status LPR-ABCD-EFGH")]
    public void Check_WithATrackingNumber_NamesItInItsCanonicalForm(string text) =>
        Assert.Equal("LPR-ABCD-EFGH", Assert.IsType<ConversationCommand.Check>(ConversationCommand.Parse(text)).TrackingNumber);

    [Fact]
    public void Check_WithSomethingThatIsNoTrackingNumber_KeepsWhatWasTyped_Shortened()
    {
        var command = Assert.IsType<ConversationCommand.Check>(ConversationCommand.Parse("CEK nomor laporan saya yang kemarin itu"));

        Assert.Null(command.TrackingNumber);
        Assert.Equal("nomor laporan saya y", command.Typed);
    }

    [Theory]
    [InlineData("STATUS")]
    [InlineData("status")]
    [InlineData(" Status? ")]
    [InlineData("CEK")]
    [InlineData("cek.")]
    public void Status_AloneOrCheckWithoutANumber_ListsTheOpenReports(string text) =>
        Assert.IsType<ConversationCommand.Status>(ConversationCommand.Parse(text));

    [Fact]
    public void Status_FollowedByText_IsAMessage()
    {
        const string text = "Status jalan di depan rumah makin rusak";

        Assert.Equal(new ConversationCommand.Message(text), ConversationCommand.Parse(text));
    }

    [Theory]
    [InlineData("BARU Lampu jalan mati", "Lampu jalan mati")]
    [InlineData("baru: Lampu jalan mati", "Lampu jalan mati")]
    [InlineData("Lapor, sampah menumpuk di pasar", "sampah menumpuk di pasar")]
    [InlineData("LAPOR\nSampah menumpuk.\nSudah seminggu.", "Sampah menumpuk.\nSudah seminggu.")]
    [InlineData("new Streetlight out", "Streetlight out")]
    public void NewReportKeyword_FilesTheRest(string text, string rest) =>
        Assert.Equal(new ConversationCommand.NewReport(rest), ConversationCommand.Parse(text));

    [Theory]
    [InlineData("BARU")]
    [InlineData("lapor")]
    [InlineData("BANTUAN")]
    [InlineData("help!")]
    [InlineData("info")]
    public void KeywordWithNothingToFile_OrHelp_AnswersHowItWorks(string text) =>
        Assert.IsType<ConversationCommand.Help>(ConversationCommand.Parse(text));

    [Theory]
    [InlineData("Air PDAM mati tiga hari di RT 04.")]
    [InlineData("Info: jalan ditutup tanpa pemberitahuan")]
    [InlineData("Sisi kiri jalan, dekat warung.")]
    [InlineData("Cekungan di jalan makin dalam")]
    [InlineData("Barusan ada motor jatuh")]
    public void AnythingElse_IsAMessage(string text) =>
        Assert.Equal(new ConversationCommand.Message(text), ConversationCommand.Parse(text));

    [Theory]
    [InlineData("/cek LPR-ABCD-EFGH")]
    [InlineData("/CEK lpr-abcd-efgh")]
    [InlineData("/check@LaporKotaBot LPR-ABCD-EFGH")]
    [InlineData("/status LPR-ABCD-EFGH")]
    [InlineData("/start LPR-ABCD-EFGH")]
    [InlineData("/start lprabcdefgh")]
    public void BotCommand_Check_NamesTheReport(string text) =>
        Assert.Equal("LPR-ABCD-EFGH", Assert.IsType<ConversationCommand.Check>(ConversationCommand.Parse(text)).TrackingNumber);

    [Theory]
    [InlineData("/status")]
    [InlineData("/status@LaporKotaBot")]
    [InlineData("/cek")]
    [InlineData(" /STATUS ")]
    public void BotCommand_Status_ListsTheOpenReports(string text) =>
        Assert.IsType<ConversationCommand.Status>(ConversationCommand.Parse(text));

    [Theory]
    [InlineData("/start")]
    [InlineData("/start@LaporKotaBot")]
    [InlineData("/start kampanye_banjir_2026")]
    public void BotCommand_Start_Greets(string text) =>
        Assert.IsType<ConversationCommand.Welcome>(ConversationCommand.Parse(text));

    [Theory]
    [InlineData("/help")]
    [InlineData("/bantuan")]
    [InlineData("/baru")]
    [InlineData("/settings")]
    [InlineData("/status jalan rusak di depan rumah")]
    [InlineData("/info@LaporKotaBot")]
    public void BotCommand_HelpOrUnknownOrNothingToDo_AnswersHowItWorks_NeverFiles(string text) =>
        Assert.IsType<ConversationCommand.Help>(ConversationCommand.Parse(text));

    [Theory]
    [InlineData("/baru Lampu jalan mati", "Lampu jalan mati")]
    [InlineData("/lapor@LaporKotaBot sampah menumpuk", "sampah menumpuk")]
    public void BotCommand_NewReport_FilesTheRest(string text, string rest) =>
        Assert.Equal(new ConversationCommand.NewReport(rest), ConversationCommand.Parse(text));

    [Theory]
    [InlineData("/ jalan rusak")]
    [InlineData("//cek")]
    [InlineData("/jalan-rusak di depan pasar")]
    public void SlashThatIsNoBotCommand_IsAMessage(string text) =>
        Assert.Equal(new ConversationCommand.Message(text), ConversationCommand.Parse(text));
}
