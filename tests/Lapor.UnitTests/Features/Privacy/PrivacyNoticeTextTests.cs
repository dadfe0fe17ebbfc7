using Lapor.Web.Domain;
using Lapor.Web.Domain.Privacy;
using Lapor.Web.Features.Citizen.Privacy;

namespace Lapor.UnitTests.Features.Privacy;

public sealed class PrivacyNoticeTextTests
{
    [Fact]
    public void Blocks_PlainText_HeadingsListsAndParagraphs()
    {
        var blocks = ReadNotice.Blocks("# Data\r\n\r\nKami menyimpan:\nbaris dua\n\n- nama\n- e-mail\n\n<b>bukan tebal</b>");

        Assert.Equal(
            [(ReadNotice.BlockKind.Heading, "Data"), (ReadNotice.BlockKind.Paragraph, "Kami menyimpan:|baris dua"), (ReadNotice.BlockKind.List, "nama|e-mail"), (ReadNotice.BlockKind.Paragraph, "<b>bukan tebal</b>")],
            blocks.Select(b => (b.Kind, string.Join('|', b.Lines))));
    }

    [Theory]
    [InlineData("", "Text")]
    [InlineData("Teks", " ")]
    public void Notice_WithoutBothLanguages_IsRefused(string textId, string textEn)
    {
        Assert.Equal("Privacy.Required", Assert.Throws<DomainException>(() => new PrivacyNotice(textId, textEn, DateTimeOffset.UnixEpoch)).Code);
    }

    [Fact]
    public void Notice_ReadsInTheReadersLanguage()
    {
        var notice = new PrivacyNotice("Teks\r\nkedua ", "Text", DateTimeOffset.UnixEpoch);

        Assert.Equal(("Teks\nkedua", "Text"), (notice.For("id"), notice.For("en")));
    }
}
