using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Operations;

/// <summary>A new installation's first administrator, from the command line of the published app.</summary>
public sealed class InviteAdministratorCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lapor-it-").FullName;

    [Fact]
    public async Task InviteAdmin_PrintsALinkThatSetsThePassword_AndTheAdministratorSignsIn()
    {
        var (exitCode, output) = await RunAsync("invite-admin", "admin@kab-uji.go.id", "Admin Pertama");
        Assert.True(exitCode == 0, output);
        var link = new Uri(output.Split('\n').Single(line => line.Contains("/Account/SetPassword?", StringComparison.Ordinal)).Trim());

        using var app = new OnTheSameDatabase(_root);
        var browser = app.CreateBrowser();
        var form = await HtmlPage.GetAsync(browser, link.PathAndQuery);
        var set = await browser.PostAsync("/Account/SetPassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.AntiforgeryToken("/Account/SetPassword"),
            ["UserId"] = form.InputValue("UserId"),
            ["Token"] = form.InputValue("Token"),
            ["Password"] = "kalimat sandi admin pertama",
            ["ConfirmPassword"] = "kalimat sandi admin pertama",
        }));
        Assert.Equal("/Account/Login", set.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(browser, "admin@kab-uji.go.id", "kalimat sandi admin pertama")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/pengguna")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>().FindByEmailAsync("admin@kab-uji.go.id");
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>().IsInRoleAsync(user!, Roles.Administrator));

        // A second run for the same address changes nothing and says why.
        var (again, message) = await RunAsync("invite-admin", "admin@kab-uji.go.id", "Admin Pertama");
        Assert.Equal(1, again);
        Assert.Contains("already has an account", message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TestDatabase.Drop(_root);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The published app's command line, as an operator runs it (Production, migrations at start-up).</summary>
    private async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var settings = PortalProcess.SettingsUnder(_root);
        settings["Mail__PublicBaseUrl"] = "https://lapor.kab-uji.go.id";
        var process = LocalProcesses.Start(PortalProcess.StartInfo(settings, arguments));
        try
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await errors);
        }
        finally
        {
            LocalProcesses.Stop(process);
        }
    }

    private sealed class OnTheSameDatabase(string root) : LaporAppFactory(root, ownsRoot: false);
}
