using Lapor.Web.Domain.Notifications;

namespace Lapor.UnitTests.Domain.Notifications;

public sealed class GsmTextTests
{
    [Theory]
    [InlineData("Jalan rusak — segera", "Jalan rusak - segera")]
    [InlineData("1–3 hari", "1-3 hari")]
    [InlineData("Tunggu…", "Tunggu...")]
    [InlineData("“Lubang” di ‘pasar’", "\"Lubang\" di 'pasar'")]
    [InlineData("• satu\n• dua", "- satu\n- dua")]
    [InlineData("Rp\u00A01.000\u202F000", "Rp 1.000 000")]
    [InlineData("Kafé Cirebon, ç, ê, ő, Ş", "Kafé Cirebon, c, e, o, S")]
    [InlineData("Rumah 🏠 rusak", "Rumah ? rusak")]
    [InlineData("zero\u200Bwidth", "zerowidth")]
    public void Fold_WritesTypographyAndForeignLettersInTheGsmAlphabet(string text, string expected)
    {
        Assert.Equal(expected, GsmText.Fold(text));
        Assert.True(GsmText.IsGsm(GsmText.Fold(text)));
    }

    [Theory]
    [InlineData("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà")]
    [InlineData("Laporan LPR-AB12-CD34 sudah kami terima.\nhttps://lapor.example.go.id/lacak/LPR-AB12-CD34/tautan?t=CfDJ8_x-Y")]
    [InlineData("Kurung [siku] {kurawal} ~ | ^ € \\")]
    public void Fold_KeepsWhatGsmHas(string text)
    {
        Assert.Equal(text, GsmText.Fold(text));
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    public void Segments_CountGsmTextIn160_ThenIn153(int length, int segments)
    {
        Assert.Equal(segments, GsmText.Segments(new string('a', length)));
    }

    [Fact]
    public void Segments_CountExtensionCharactersTwice_AndUnicodeIn70_ThenIn67()
    {
        Assert.Equal(2, GsmText.Segments(new string('a', 159) + "€"));
        Assert.Equal(1, GsmText.Segments(new string('a', 69) + "—"));
        Assert.Equal(3, GsmText.Segments(new string('a', 150) + "—"));
        Assert.Equal(1, GsmText.Segments(GsmText.Fold(new string('a', 150) + "—")));
    }
}
