using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Lapor.BrowserTests.Infrastructure;

/// <summary>The real app on real Kestrel (a random loopback port), on a fresh SQLite file built by the migrations.</summary>
public sealed class KestrelLaporFactory : WebApplicationFactory<Program>
{
    private readonly string _root = Directory.CreateTempSubdirectory("lapor-bt-").FullName;

    public KestrelLaporFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_root, "lapor.db")}");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Attachments:Path", Path.Combine(_root, "attachments"));
        builder.UseSetting("Mail:PickupDirectory", Path.Combine(_root, "mail"));

        // Kestrel serves plain HTTP here; "__Host-" cookies need HTTPS (the integration tests cover them).
        builder.UseSetting("Security:SecureCookies", "false");

        // Journeys sign the coordinator in without an authenticator; the two-factor flow has its own tests.
        builder.UseSetting("Security:RequireTwoFactor", "false");
        builder.UseSetting("Security:RateLimits:SignInPerMinute", "1000");
        builder.UseSetting("Security:RateLimits:FilingPerMinute", "1000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Still in use by a closing connection: the OS cleans temp folders.
        }
    }
}
