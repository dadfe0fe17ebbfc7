using System.Security.Cryptography.X509Certificates;
using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LaporDbContext"/> backed by the provider named in Database:Provider.</summary>
    public static IServiceCollection AddLaporDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Default");

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("ConnectionStrings:Default is required when Database:Provider is SqlServer.");
            }

            services.AddDbContext<LaporDbContext, SqlServerLaporDbContext>(o => o
                .UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure())
                .AddInterceptors(new AppendOnlyHistoryInterceptor()));
        }
        else
        {
            var sqlite = SqliteConnectionString(connectionString, environment.ContentRootPath);
            services.AddDbContext<LaporDbContext, SqliteLaporDbContext>(o => o
                .UseSqlite(sqlite)
                .AddInterceptors(new AppendOnlyHistoryInterceptor(), new SqlitePragmaInterceptor()));
        }

        AddKeyRing(services, configuration);

        services.AddScoped<ReferenceData>();
        services.AddScoped<StageDurationBackfill>();
        services.AddScoped<Backup.SqliteBackup>();
        services.AddHealthChecks().AddDbContextCheck<LaporDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>One key ring for every instance and restart: sign-ins and antiforgery tokens stay valid across them.</summary>
    private static void AddKeyRing(IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var keys = services.AddDataProtection().SetApplicationName("Lapor");
        if (string.IsNullOrWhiteSpace(options.KeysFolder))
        {
            keys.PersistKeysToDbContext<LaporDbContext>();
        }
        else
        {
            keys.PersistKeysToFileSystem(Directory.CreateDirectory(options.KeysFolder));
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var current = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            keys.ProtectKeysWithCertificate(current);
            var previous = options.PreviousCertificates.Select(entry => entry.Split('|', 2)).Select(parts => X509CertificateLoader.LoadPkcs12FromFile(parts[0], parts.ElementAtOrDefault(1)));
            keys.UnprotectKeysWithAnyCertificate([current, .. previous]);
        }
    }

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
