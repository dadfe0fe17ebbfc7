using Lapor.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.TestSupport;

/// <summary>
/// The real app on a fresh database built by the real migrations (MigrateOnStartup): a SQLite file, or a
/// PostgreSQL database of its own when the tests run on PostgreSQL (<see cref="TestDatabase"/>); with its
/// own attachment folder. Both are deleted when the test class is done.
/// </summary>
public class LaporAppFactory : WebApplicationFactory<Program>
{
    private readonly string _root;
    private readonly bool _ownsRoot;

    /// <summary>Requests go over HTTPS, as in production, so the Secure "__Host-" cookies flow.</summary>
    public LaporAppFactory()
        : this(Directory.CreateTempSubdirectory("lapor-it-").FullName, ownsRoot: true)
    {
    }

    /// <summary>A second instance on another factory's database, attachments and mail folder (which that factory deletes).</summary>
    protected LaporAppFactory(string root, bool ownsRoot)
    {
        (_root, _ownsRoot) = (root, ownsRoot);
        if (ownsRoot)
        {
            TestDatabase.Create(root);
        }

        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public string Root => _root;

    /// <summary>The SMS gateway's signing key and Telegram's secret token in tests (WhatsApp stays switched off).</summary>
    public const string IntakeSecret = "rahasia-gerbang-uji";

    /// <summary>Map tiles in tests: a host that never leaves the machine (the browser tests answer it themselves).</summary>
    public const string TileUrl = "http://tiles.lapor.test/{z}/{x}/{y}.png";

    public string AttachmentsPath => Path.Combine(_root, "attachments");

    public string MailPath => Path.Combine(_root, "mail");

    /// <summary>
    /// The attachment folder out of reach (a full disk, an unmounted volume) until disposed: its path turns into a plain
    /// file, so every write under it fails in the operating system as a full disk's does.
    /// </summary>
    public IDisposable AttachmentFolderOutOfReach()
    {
        Directory.CreateDirectory(AttachmentsPath);
        var kept = Path.Combine(_root, "attachments-while-out-of-reach");
        Directory.Move(AttachmentsPath, kept);
        File.WriteAllText(AttachmentsPath, "bukan folder");
        return new Outage(() =>
        {
            File.Delete(AttachmentsPath);
            Directory.Move(kept, AttachmentsPath);
        });
    }

    private sealed class Outage(Action end) : IDisposable
    {
        public void Dispose() => end();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Default", TestDatabase.ConnectionString(_root));
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Attachments:Path", AttachmentsPath);
        builder.UseSetting("Mail:PickupDirectory", MailPath);
        builder.UseSetting("OpenApi:Enabled", "true");
        builder.UseSetting("Intake:SmsSecret", IntakeSecret);
        builder.UseSetting("Intake:TelegramSecretToken", IntakeSecret);
        builder.UseSetting("Map:TileUrl", TileUrl);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFromTestHeader>());

        // The nightly training would run at start when the test's clock is in the quiet hours; tests train on purpose.
        builder.UseSetting("Triage:JobEnabled", "false");

        // Most tests sign in many times and file many reports from one address; the rate-limit and
        // two-factor tests use ProductionSecurityAppFactory, which keeps appsettings.json's values.
        if (ProductionSecurity)
        {
            return;
        }

        builder.UseSetting("Security:RequireTwoFactor", "false");
        foreach (var limit in new[]
        {
            "SignInPerMinute", "RegistrationPerHour", "AccountMailPerHour", "FilingPerMinute", "FilingPerDay", "FilingWithoutCookiePerMinute", "FilingWithoutCookiePerDay",
            "FilingPerAddressPerDay", "FilingAttemptsPerMinute", "UploadsPerMinute", "TrackingCodePerMinute", "ExportsPerMinute",
        })
        {
            builder.UseSetting($"Security:RateLimits:{limit}", "100000");
        }
    }

    /// <summary>The header a test sets to play a client at another address (the in-memory server has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    /// <summary>A client that keeps cookies, does not follow redirects, and comes from <paramref name="address"/>.</summary>
    public HttpClient CreateBrowserFrom(string address)
    {
        var client = CreateBrowser();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    /// <summary>Runs first in the pipeline: gives the request the address a test asked for.</summary>
    private sealed class ClientAddressFromTestHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>True keeps the shipped rate limits and the two-factor requirement.</summary>
    protected virtual bool ProductionSecurity => false;

    /// <summary>A client that keeps cookies and does not follow redirects, so tests can assert them.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false, HandleCookies = true });

    public async Task<T> WithDbAsync<T>(Func<LaporDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LaporDbContext>());
    }

    public async Task WithDbAsync(Func<LaporDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<LaporDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (!_ownsRoot)
        {
            return;
        }

        TestDatabase.Drop(_root);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing request: the temp folder is cleaned by the OS.
        }
    }
}
