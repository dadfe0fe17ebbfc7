using Lapor.UnitTests.Support;
using Lapor.Web.Data.Identity;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Operations;
using Microsoft.AspNetCore.Identity;

namespace Lapor.UnitTests.Infrastructure;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("admin123")]
    [InlineData("P@ssw0rd")]
    [InlineData("Password1!")]
    [InlineData("sayang123")]
    [InlineData("indonesia123")]
    [InlineData("jakarta123")]
    [InlineData("  ADMIN123  ")]
    [InlineData("qwerty123")]
    [InlineData("iloveyou")]
    [InlineData("bismillah")]
    [InlineData("Jakarta2024!")]
    [InlineData("123sayang")]
    [InlineData("1nd0nesia")]
    [InlineData("Merdeka1945")]
    [InlineData("Persib1933!")]
    [InlineData("akusayangkamu")]
    [InlineData("Cintaku@2025")]
    [InlineData("rahasia!!")]
    [InlineData("kucing2020")]
    public async Task Validate_LeakedPasswordOrListedWordWithDigitsAndSymbols_IsRefusedAsLeaked(string password)
    {
        var result = await ValidateAsync(password);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator.ErrorCode, error.Code);
        Assert.Contains("pernah bocor", error.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.Password)]
    [InlineData("lapor-demo-2026")]
    [InlineData("LAPOR DEMO 2026!")]
    [InlineData("lapor123")]
    [InlineData("Lapor2026!")]
    [InlineData("L4p0r!!!2026")]
    [InlineData("laporan123")]
    [InlineData("laporkan!!")]
    [InlineData("lapor.go.id")]
    [InlineData("SP4N-LAPOR!")]
    public async Task Validate_SiteNameOrDemoPassword_IsRefused(string password)
    {
        var result = await ValidateAsync(password);

        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator.ErrorCode, error.Code);
        Assert.Contains("nama situs ini", error.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wulandari.prasetyaning@contoh.id")]
    [InlineData("Wulandari.Prasetyaning")]
    [InlineData("wulandariprasetyaning2024")]
    [InlineData("W.Prasetyaning!")]
    public async Task Validate_OwnEmailOrName_IsRefused(string password)
    {
        var user = new LaporUser { Email = "wulandari.prasetyaning@contoh.id", FullName = "W. Prasetyaning" };

        var result = await ValidateAsync(password, user);

        Assert.Equal(CommonPasswordValidator.ErrorCode, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("kopi pagi di teras rumah")]
    [InlineData("kalimat sandi yang panjang")]
    [InlineData("kalimat sandi admin pertama")]
    [InlineData("kucing oranye tidur di atas genteng")]
    [InlineData("laporan warga tentang jalan rusak")]
    [InlineData("Tr4ktor-Biru-Menyanyi-Pelan")]
    [InlineData("x7#Kq9!mPw2&vL")]
    public async Task Validate_StrongPassphrase_IsAccepted(string password)
    {
        var result = await ValidateAsync(password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task Validate_InEnglish_SaysThePasswordWasLeakedAndHowToChoose()
    {
        var result = await ValidateAsync("indonesia123", culture: "en");

        var message = Assert.Single(result.Errors).Description;
        Assert.Contains("lists of leaked passwords", message, StringComparison.Ordinal);
        Assert.Contains("three or four random, unrelated words", message, StringComparison.Ordinal);
    }

    private static Task<IdentityResult> ValidateAsync(string password, LaporUser? user = null, string culture = "id") =>
        new CommonPasswordValidator(Localizer.Create(culture))
            .ValidateAsync(null!, user ?? new LaporUser { Email = "warga@contoh.id", FullName = "Warga Uji" }, password);
}
