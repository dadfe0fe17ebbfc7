using Lapor.UnitTests.Support;
using Lapor.Web.Features.Account;
using Lapor.Web.Features.Account.Registration;

namespace Lapor.UnitTests.Features.Account;

public sealed class RegisterValidatorTests
{
    [Fact]
    public void Validate_LongPassphraseWithoutSymbols_IsValid()
    {
        var result = Validator().Validate(Form("kopi pagi di teras rumah"));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Validate_SevenCharacters_IsInvalid()
    {
        Assert.Contains(Validator().Validate(Form("1234567")).Errors, e => e.PropertyName == "Password" && e.ErrorMessage == "Kata sandi harus 8–128 karakter.");
    }

    [Fact]
    public void Validate_ConfirmationDiffers_IsInvalid()
    {
        var form = Form("kopi pagi di teras rumah");
        form.ConfirmPassword = "teh sore";

        Assert.Contains(Validator().Validate(form).Errors, e => e.PropertyName == "ConfirmPassword");
    }

    [Fact]
    public void Validate_WithoutConsent_IsInvalid()
    {
        var form = Form("kopi pagi di teras rumah");
        form.Consent = false;

        Assert.Contains(Validator().Validate(form).Errors, e => e.PropertyName == "Consent");
    }

    private static Register.Validator Validator() => new(Localizer.Create<AccountResource>());

    private static Register.Form Form(string password) => new()
    {
        FullName = "Dewi Anggraini",
        Email = "dewi@contoh.id",
        Password = password,
        ConfirmPassword = password,
        Consent = true,
    };
}
