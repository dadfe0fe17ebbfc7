using Lapor.Web.Data;
using Lapor.Web.Domain.Accounts;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Privacy;
using Lapor.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Operations;

public static class DatabaseStartup
{
    /// <summary>
    /// Applies migrations where allowed (Development, or Database:MigrateOnStartup), then makes sure
    /// the reference rows every installation needs exist, then seeds demo data when configured.
    /// </summary>
    public static Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var development = app.Environment.IsDevelopment();
        return PrepareAsync(app.Services, migrate: development || options.MigrateOnStartup, seedDemoData: development && options.SeedDemoData);
    }

    /// <summary>For the data generator: the schema and reference rows, never the demo data.</summary>
    public static Task PrepareSchemaAsync(this WebApplication app) => PrepareAsync(app.Services, migrate: true, seedDemoData: false);

    private static async Task PrepareAsync(IServiceProvider root, bool migrate, bool seedDemoData)
    {
        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LaporDbContext>();

        if (migrate)
        {
            // A backfill touches every row: at millions of reports one statement runs for minutes.
            db.Database.SetCommandTimeout(services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrationTimeout);
            await db.Database.MigrateAsync();
            db.Database.SetCommandTimeout(null);
        }

        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while a report is being written; it is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        // Before any backfill that saves reports: those adjust the tally, which must exist first.
        await services.GetRequiredService<DashboardTallyRecount>().BackfillIfMissingAsync(CancellationToken.None);
        await EnsureReferenceDataAsync(db, services.GetRequiredService<RoleManager<IdentityRole>>());
        await EnsurePrivacyNoticeAsync(db, services.GetRequiredService<IStringLocalizer<SharedResource>>(), services.GetRequiredService<TimeProvider>());
        await services.GetRequiredService<StageDurationBackfill>().RunAsync(CancellationToken.None);
        await services.GetRequiredService<ReplyAddressBackfill>().RunAsync(CancellationToken.None);
        await services.GetRequiredService<WebhookSecretBackfill>().RunAsync(CancellationToken.None);

        if (seedDemoData)
        {
            await services.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
        }
    }

    private static async Task EnsureReferenceDataAsync(LaporDbContext db, RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!await db.DeadlinePolicies.AnyAsync())
        {
            db.DeadlinePolicies.Add(DeadlinePolicy.Default);
            await db.SaveChangesAsync();
        }

        // The 2026 calendar ships with the app; later years are entered or imported by administrators.
        if (!await db.Holidays.AnyAsync())
        {
            db.Holidays.AddRange(NationalHolidays.Year2026());
            await db.SaveChangesAsync();
        }
    }

    /// <summary>
    /// A fresh installation gets a privacy notice saying what Lapor stores (the texts in the resource
    /// files); the administrator adapts it at /admin/privasi, and a notice once stored is never replaced.
    /// </summary>
    private static async Task EnsurePrivacyNoticeAsync(LaporDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock)
    {
        if (await db.PrivacyNotices.AnyAsync())
        {
            return;
        }

        db.PrivacyNotices.Add(new PrivacyNotice(InLanguage(t, "id"), InLanguage(t, "en"), clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private static string InLanguage(IStringLocalizer<SharedResource> t, string language) =>
        UiCulture.Run(language, () => t["Privacy.DefaultText"].Value);
}
