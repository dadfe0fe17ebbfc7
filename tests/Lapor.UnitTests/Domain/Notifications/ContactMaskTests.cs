using Lapor.Web.Domain.Notifications;

namespace Lapor.UnitTests.Domain.Notifications;

public sealed class ContactMaskTests
{
    [Theory]
    [InlineData("warga@contoh.id", "w***@contoh.id")]
    [InlineData("Siti.Rahma+lapor@mail.contoh.co.id", "S***@mail.contoh.co.id")]
    [InlineData("@contoh.id", "***@contoh.id")]
    [InlineData("bukan-alamat@", "***")]
    [InlineData("+6281234567890", "***7890")]
    [InlineData("987654321", "***4321")]
    [InlineData("1234", "****")]
    public void Recipient_KeepsEnoughToRecogniseATypo(string recipient, string expected)
    {
        Assert.Equal(expected, ContactMask.Recipient(recipient));
    }

    [Theory]
    [InlineData("5.1.1 <warga@contoh.id>: Recipient address rejected", "5.1.1 <w***@contoh.id>: Recipient address rejected")]
    [InlineData("Mailbox unavailable: warga@contoh.id", "Mailbox unavailable: w***@contoh.id")]
    [InlineData("to=<\"siti rahma\"@contoh.id>", "to=<s***@contoh.id>")]
    [InlineData("a.b-c_d@sub.contoh-uji.go.id; b@c.id", "a***@sub.contoh-uji.go.id; b***@c.id")]
    [InlineData("root@localhost refused", "r***@localhost refused")]
    [InlineData("kirim ke budi@[192.0.2.1]", "kirim ke b***@[192.0.2.1]")]
    [InlineData("alamat ibu@surel.indonesia.", "alamat i***@surel.indonesia.")]
    public void Text_MasksEveryEmailAddress(string text, string expected)
    {
        Assert.Equal(expected, ContactMask.Text(text));
    }

    [Theory]
    [InlineData("SMS ke 081234567890 gagal", "SMS ke ***7890 gagal")]
    [InlineData("SMS ke 0812-3456-7890 gagal", "SMS ke ***7890 gagal")]
    [InlineData("SMS ke 0812 3456 7890 gagal", "SMS ke ***7890 gagal")]
    [InlineData("SMS ke 0812.3456.7890 gagal", "SMS ke ***7890 gagal")]
    [InlineData("nomor +6281234567890 tidak aktif", "nomor ***7890 tidak aktif")]
    [InlineData("nomor +62 812-3456-7890 tidak aktif", "nomor ***7890 tidak aktif")]
    [InlineData("nomor +62 (812) 3456 7890 tidak aktif", "nomor ***7890 tidak aktif")]
    [InlineData("nomor 6281234567890 tidak aktif", "nomor ***7890 tidak aktif")]
    [InlineData("wa.me/6281234567890", "wa.me/***7890")]
    [InlineData("kantor (021) 555-1234", "kantor ***1234")]
    [InlineData("kantor 021 555 123", "kantor ***5123")]
    [InlineData("call +1 415 555 2671", "call ***2671")]
    [InlineData("tel:+441632960961.", "tel:***0961.")]
    public void Text_MasksPhoneNumbersInIndonesianAndInternationalForms(string text, string expected)
    {
        Assert.Equal(expected, ContactMask.Text(text));
    }

    [Theory]
    [InlineData("550 5.1.1 Recipient address rejected")]
    [InlineData("4.4.1 Connection timed out after 30000 ms")]
    [InlineData("Connection refused 127.0.0.1:2525")]
    [InlineData("server 62.12.134.156 answered 421")]
    [InlineData("since 2026-12-01 08:30:00")]
    [InlineData("report LPR-7K3Q-9XWD, outbox 12345678")]
    [InlineData("tanggal 01-12-2026")]
    [InlineData("ID0812345678901 is a reference, not a number")]
    public void Text_LeavesCodesDatesAddressesAndReferencesAlone(string text)
    {
        Assert.Equal(text, ContactMask.Text(text));
    }

    [Fact]
    public void Text_MasksTheKnownRecipientInAnyShape()
    {
        Assert.Equal("chat ***6789 not found", ContactMask.Text("chat 123456789 not found", "123456789"));
    }

    [Theory]
    [InlineData("5.1.1 <warga@contoh.id>: rejected; SMS 0812-3456-7890")]
    [InlineData("\"a b\"@contoh.id, @contoh.id, +62 812 3456 7890")]
    public void Text_MaskingTwice_ChangesNothingMore(string text)
    {
        var once = ContactMask.Text(text);

        Assert.Equal(once, ContactMask.Text(once));
        Assert.DoesNotContain("warga@", once, StringComparison.Ordinal);
        Assert.DoesNotContain("3456", once, StringComparison.Ordinal);
    }
}
