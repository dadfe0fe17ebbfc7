using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Lapor.TestSupport;

/// <summary>A migration applied to a database that already holds data, as an upgrade applies it: undone, then everything up to the last again.</summary>
public static class MigrationReplay
{
    /// <param name="db">A context on the database, its migrations all applied.</param>
    /// <param name="name">The migration's name without its timestamp, e.g. "PublicSearch".</param>
    /// <param name="undone">Run while the migration is undone (checks of the older schema).</param>
    public static async Task ReplayAsync(LaporDbContext db, string name, Func<Task>? undone = null)
    {
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var ours = migrations.FindIndex(m => m.EndsWith("_" + name, StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[ours - 1]);
        if (undone is not null)
        {
            await undone();
        }

        await migrator.MigrateAsync(migrations[^1]);
    }
}
