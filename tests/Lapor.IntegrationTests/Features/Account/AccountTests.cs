using System.Net;
using Lapor.IntegrationTests.Infrastructure;
using Lapor.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Features.Account;

public sealed class AccountTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Register_ValidForm_CreatesCitizenAndSignsIn()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Register");

        var response = await client.PostAsync("/Account/Register", Form(page.AntiforgeryToken("/Account/Register"),
            ("FullName", "Dewi Anggraini"), ("Email", "dewi@contoh.id"), ("Password", "kopi pagi di teras rumah"),
            ("ConfirmPassword", "kopi pagi di teras rumah"), ("Consent", "true")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/laporan-saya", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/laporan-saya")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var user = await users.FindByEmailAsync("dewi@contoh.id");
        Assert.NotNull(user);
        Assert.Equal([Roles.Citizen], await users.GetRolesAsync(user));
    }

    [Theory]
    [InlineData("admin123")]
    [InlineData("indonesia123")]
    [InlineData("P@ssw0rd")]
    [InlineData("Password1!")]
    [InlineData("sayang123")]
    [InlineData("jakarta123")]
    public async Task Register_LeakedPassword_IsRefusedWithTheIndonesianMessage_AndNoAccountIsCreated(string password)
    {
        var email = $"bocor.{Guid.NewGuid():N}@contoh.id";

        var result = await RegisterAsync(email, password);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("ada dalam daftar kata sandi yang pernah bocor", result.FieldError("Password"), StringComparison.Ordinal);
        Assert.Equal("Dewi Bocor", result.InputValue("FullName"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Register_DemoPassword_IsRefused_AndNoAccountIsCreated()
    {
        var result = await RegisterAsync("demo.sandi@contoh.id", Lapor.Web.Data.DemoData.Password);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("kata sandi demo", result.FieldError("Password"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "demo.sandi@contoh.id")));
    }

    [Fact]
    public async Task Register_ShortPasswordAndMismatch_KeepsNameAndShowsIndonesianErrors()
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Register");

        var result = await HtmlPage.FromAsync(await client.PostAsync("/Account/Register", Form(page.AntiforgeryToken("/Account/Register"),
            ("FullName", "Budi"), ("Email", "budi@contoh.id"), ("Password", "pendek"), ("ConfirmPassword", "lain"))));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("Budi", result.InputValue("FullName"));
        Assert.Equal("Kata sandi harus 8–128 karakter.", result.FieldError("Password"));
        Assert.Equal("Kedua kata sandi tidak sama.", result.FieldError("ConfirmPassword"));
        Assert.Equal("", result.InputValue("Password"));
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsGenericMessage()
    {
        await Citizen.CreateAccountAsync(app, "rina@contoh.id");
        var client = app.CreateBrowser();

        var result = await HtmlPage.FromAsync(await Citizen.SignInAsync(client, "rina@contoh.id", "salah sekali"));
        var unknown = await HtmlPage.FromAsync(await Citizen.SignInAsync(client, "tidakada@contoh.id", "salah sekali"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("E-mail atau kata sandi salah.", result.Text, StringComparison.Ordinal);
        Assert.Contains("E-mail atau kata sandi salah.", unknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_FiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        await Citizen.CreateAccountAsync(app, "kunci@contoh.id");
        var client = app.CreateBrowser();
        for (var i = 0; i < 5; i++)
        {
            await Citizen.SignInAsync(client, "kunci@contoh.id", "bukan kata sandinya");
        }

        var result = await HtmlPage.FromAsync(await Citizen.SignInAsync(client, "kunci@contoh.id"));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("dikunci sementara", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_RightPassword_RedirectsToLocalReturnUrlOnly()
    {
        await Citizen.CreateAccountAsync(app, "kembali@contoh.id");
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Login?returnUrl=https://evil.example/");

        var response = await client.PostAsync("/Account/Login", Form(page.AntiforgeryToken("/Account/Login"),
            ("Email", "kembali@contoh.id"), ("Password", Citizen.Password), ("ReturnUrl", "https://evil.example/")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "kembali@contoh.id").Select(u => u.LastSignInAt).SingleAsync()));
    }

    [Fact]
    public async Task LaporanSaya_Anonymous_RedirectsToLogin()
    {
        var response = await app.CreateBrowser().GetAsync("/laporan-saya");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_Answers400()
    {
        var response = await app.CreateBrowser().PostAsync("/Account/Logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<HtmlPage> RegisterAsync(string email, string password)
    {
        var client = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(client, "/Account/Register");
        return await HtmlPage.FromAsync(await client.PostAsync("/Account/Register", Form(page.AntiforgeryToken("/Account/Register"),
            ("FullName", "Dewi Bocor"), ("Email", email), ("Password", password), ("ConfirmPassword", password), ("Consent", "true"))));
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
}
