using Lapor.Web.Domain.Notifications;

namespace Lapor.UnitTests.Domain.Notifications;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("+6281234567890")]
    [InlineData("6281234567890")]
    [InlineData("081234567890")]
    [InlineData("0812-3456-7890")]
    [InlineData("0812 3456 7890")]
    [InlineData("0812.3456.7890")]
    [InlineData("+62 812-3456-7890")]
    [InlineData("+62 (0)812 3456 7890")]
    [InlineData("620812 3456 7890")]
    [InlineData("006281234567890")]
    [InlineData("  +6281234567890 ")]
    public void Canonical_OneIndonesianNumberInEverySpellingIsOneE164Number(string written)
    {
        Assert.Equal("+6281234567890", PhoneNumber.Canonical(written));
    }

    [Theory]
    [InlineData("(021) 555-1234", "+62215551234")]
    [InlineData("021 555 123", "+6221555123")]
    [InlineData("0627 123456", "+62627123456")]
    [InlineData("+14155552671", "+14155552671")]
    [InlineData("0014155552671", "+14155552671")]
    [InlineData("+60 12-345 6789", "+60123456789")]
    public void Canonical_KeepsAreaNumbersAndForeignE164Numbers(string written, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Canonical(written));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("TELKOMSEL")]
    [InlineData("3636")]
    [InlineData("0812345")]
    [InlineData("08123456789012")]
    [InlineData("81234567890")]
    [InlineData("14155552671")]
    [InlineData("+0812345678")]
    [InlineData("++6281234567890")]
    [InlineData("0812 3456 789O")]
    [InlineData("+1234567")]
    [InlineData("+1234567890123456")]
    [InlineData("6200812345678")]
    [InlineData("0812/3456/7890")]
    public void Canonical_RejectsWhatIsNoPlausiblePhoneNumber(string? written)
    {
        Assert.Null(PhoneNumber.Canonical(written));
    }

    [Theory]
    [InlineData("081234567890", PhoneNumberFormat.E164, "+6281234567890")]
    [InlineData("+6281234567890", PhoneNumberFormat.National, "081234567890")]
    [InlineData("62 812 3456 7890", PhoneNumberFormat.DigitsOnly, "6281234567890")]
    [InlineData("+14155552671", PhoneNumberFormat.National, "+14155552671")]
    [InlineData("+14155552671", PhoneNumberFormat.DigitsOnly, "14155552671")]
    [InlineData(" 3636 ", PhoneNumberFormat.National, "3636")]
    public void Format_WritesTheNumberAsTheGatewayWantsIt(string written, PhoneNumberFormat format, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Format(written, format));
    }
}
