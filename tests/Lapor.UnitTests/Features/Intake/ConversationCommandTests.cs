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

    [Theory]
    [InlineData("PUAS")]
    [InlineData("puas, terima kasih")]
    [InlineData("Setuju.")]
    [InlineData("/puas")]
    public void Satisfied_IsAVerdictForTheReportThatWaits(string text)
    {
        var verdict = Assert.IsType<ConversationCommand.Verdict>(ConversationCommand.Parse(text));

        Assert.True(verdict.Satisfied);
        Assert.Null(verdict.TrackingNumber);
    }

    [Theory]
    [InlineData("BELUM PUAS lampu masih mati", "lampu masih mati")]
    [InlineData("tidak puas: lampu masih mati", "lampu masih mati")]
    [InlineData("Blm puas, lampu masih mati", "lampu masih mati")]
    [InlineData("not satisfied the light is still out", "the light is still out")]
    [InlineData("BELUM PUAS", "")]
    public void NotSatisfied_IsARejection_WithItsReason(string text, string reason)
    {
        var verdict = Assert.IsType<ConversationCommand.Verdict>(ConversationCommand.Parse(text));

        Assert.Equal((false, reason, text), (verdict.Satisfied, verdict.Reason, verdict.Text));
    }

    [Theory]
    [InlineData("PUAS LPR-ABCD-EFGH", true, "")]
    [InlineData("belum puas lpr abcd efgh masih gelap", false, "masih gelap")]
    [InlineData("LPR-ABCD-EFGH belum puas: masih gelap", false, "masih gelap")]
    [InlineData("lprabcdefgh PUAS", true, "")]
    public void Verdict_NamingItsReport_BeforeOrAfterTheKeyword(string text, bool satisfied, string reason)
    {
        var verdict = Assert.IsType<ConversationCommand.Verdict>(ConversationCommand.Parse(text));

        Assert.Equal(("LPR-ABCD-EFGH", satisfied, reason), (verdict.TrackingNumber, verdict.Satisfied, verdict.Reason));
    }

    [Theory]
    [InlineData("Puasa membuat antrean di kantor camat panjang")]
    [InlineData("Tidak ada lampu di Jl. Melati")]
    [InlineData("Belum ada petugas datang")]
    public void WordsThatOnlyLookLikeAVerdict_AreAMessage(string text) =>
        Assert.Equal(new ConversationCommand.Message(text), ConversationCommand.Parse(text));

    [Theory]
    [InlineData("LPR-ABCD-EFGH Ini foto lampunya", "Ini foto lampunya")]
    [InlineData("lpr-abcd-efgh: tiangnya nomor 12", "tiangnya nomor 12")]
    [InlineData("LPR ABCD EFGH\nSudah seminggu.", "Sudah seminggu.")]
    [InlineData("LPRABCDEFGH, BARU saja roboh", "BARU saja roboh")]
    public void Message_StartingWithATrackingNumber_IsAimedAtThatReport(string text, string rest) =>
        Assert.Equal(new ConversationCommand.Message(rest) { TrackingNumber = "LPR-ABCD-EFGH" }, ConversationCommand.Parse(text));

    [Theory]
    [InlineData("LPR-ABCD-EFGH")]
    [InlineData("lpr abcd efgh cek")]
    [InlineData("LPR-ABCD-EFGH status")]
    public void TrackingNumberAlone_OrWithStatus_ChecksThatReport(string text) =>
        Assert.Equal("LPR-ABCD-EFGH", Assert.IsType<ConversationCommand.Check>(ConversationCommand.Parse(text)).TrackingNumber);

    [Theory]
    [InlineData("LPR-ABCDEFGHJK jalan rusak")]
    [InlineData("LPR-ABCD-EFG0 jalan rusak")]
    [InlineData("LPRabcd")]
    public void SomethingLikeATrackingNumber_ThatIsNone_IsAMessage(string text) =>
        Assert.Equal(new ConversationCommand.Message(text), ConversationCommand.Parse(text));

    [Theory]
    [InlineData("RAHASIA Pungli di kelurahan", "Pungli di kelurahan", false, true)]
    [InlineData("BARU RAHASIA Pungli di kelurahan", "Pungli di kelurahan", false, true)]
    [InlineData("anonim: pungli di kelurahan", "pungli di kelurahan", true, false)]
    [InlineData("Rahasia anonim baru pungli", "pungli", true, true)]
    [InlineData("ANONYMOUS Bribe at the office", "Bribe at the office", true, false)]
    [InlineData("BARU Pungli di kelurahan", "Pungli di kelurahan", false, false)]
    public void PrivacyWords_FileANewReport_WithThoseFlags(string text, string rest, bool anonymous, bool confidential) =>
        Assert.Equal(new ConversationCommand.NewReport(rest) { IsAnonymous = anonymous, IsConfidential = confidential }, ConversationCommand.Parse(text));

    [Theory]
    [InlineData("RAHASIA LPR-ABCD-EFGH", false, true)]
    [InlineData("rahasia lpr abcd efgh.", false, true)]
    [InlineData("ANONIM LPR-ABCD-EFGH", true, false)]
    [InlineData("RAHASIA ANONIM LPRABCDEFGH", true, true)]
    [InlineData("/rahasia LPR-ABCD-EFGH", false, true)]
    public void PrivacyWords_BeforeATrackingNumberAlone_ProtectThatReport(string text, bool anonymous, bool confidential) =>
        Assert.Equal(new ConversationCommand.Protect("LPR-ABCD-EFGH", anonymous, confidential), ConversationCommand.Parse(text));

    [Theory]
    [InlineData("RAHASIA")]
    [InlineData("baru anonim")]
    public void PrivacyWords_WithNothingToFile_AnswerHowItWorks(string text) =>
        Assert.IsType<ConversationCommand.Help>(ConversationCommand.Parse(text));
}
