using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lapor.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LaporDbContext"/> backed by the provider named in Database:Provider, from a pool: a context is
    /// reset and reused rather than built for every request (building one resolved about fifty internal services, a
    /// tenth of a signed-in page's CPU; bench/README.md, issue 22). The contexts keep no state of their own but a cached
    /// time zone, and every service they ask the app for is a singleton.
    /// </summary>
    public static IServiceCollection AddLaporDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");

        switch (options.Provider)
        {
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<LaporDbContext, SqlServerLaporDbContext>(o => o
                    .UseSqlServer(ServerConnectionString(connectionString, options.Provider), sql => sql.EnableRetryOnFailure())
                    .AddInterceptors(new AppendOnlyHistoryInterceptor()));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<LaporDbContext, PostgresLaporDbContext>(o => o
                    .UseNpgsql(WithSessionDefaults(ServerConnectionString(connectionString, options.Provider)), pg => pg.EnableRetryOnFailure())
                    .AddInterceptors(new AppendOnlyHistoryInterceptor(), new PostgresNulInterceptor()));
                break;
            default:
                var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
                services.AddDbContextPool<LaporDbContext, SqliteLaporDbContext>(o => o
                    .UseSqlite(sqlite)
                    .AddInterceptors(new AppendOnlyHistoryInterceptor(), new SqlitePragmaInterceptor()));
                services.AddSingleton<SqliteWriteGate>();
                break;
        }

        services.AddHealthChecks().AddDbContextCheck<LaporDbContext>("database", tags: ["ready"]);
        return services;
    }

    private static string ServerConnectionString(string? configured, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(configured)
            ? throw new InvalidOperationException($"ConnectionStrings:Default is required when Database:Provider is {provider}.")
            : configured;

    /// <summary>
    /// The portal's own settings for its PostgreSQL sessions, each unless the connection string's Options already set it
    /// (bench/README.md, issue 22; set this way they override postgresql.conf and ALTER DATABASE … SET):
    /// <list type="bullet">
    /// <item><c>jit=off</c>: PostgreSQL compiles a statement to machine code when its estimated cost passes jit_above_cost,
    /// and a search over a million reports passes it: 4.5 s of its 4.7 s went to compiling, far more than the
    /// statement could ever save.</item>
    /// <item><c>parallel_setup_cost=20000</c> (default 1000): starting parallel workers took about 35 ms on the bench's
    /// two-core server, about 17,000 of the planner's cost units there, so the default sent an officer's tab counts
    /// (129,000 assignments) to two workers: 57 ms instead of 10 serially, the inbox 74.5 ms p95 instead of 20.8.
    /// Statements costly enough to gain from workers still get them.</item>
    /// </list>
    /// </summary>
    public static string WithSessionDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        foreach (var (name, value) in SessionDefaults)
        {
            // "-c name=…" or "--name=…", a dash standing for an underscore as PostgreSQL allows.
            var named = new Regex($@"(^|\s)(-c\s*|--){name.Replace("_", "[-_]", StringComparison.Ordinal)}\s*=", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
            if (builder.Options is null || !named.IsMatch(builder.Options))
            {
                builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? $"-c {name}={value}" : $"{builder.Options} -c {name}={value}";
            }
        }

        return builder.ToString();
    }

    private static readonly (string Name, string Value)[] SessionDefaults = [("jit", "off"), ("parallel_setup_cost", "20000")];

    /// <summary>Defaults to App_Data/lapor.db beside the app; creates the folder so a bare machine just works.</summary>
    private static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/lapor.db" : configured);
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
        {
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        builder.Pooling = true;
        return builder.ToString();
    }
}
