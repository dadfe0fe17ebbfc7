using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Caching.Distributed;
using Npgsql;
using StackExchange.Redis;

namespace Lapor.Web.Infrastructure.Caching;

public static class CachingServiceCollectionExtensions
{
    /// <summary>Local memory cache plus the shared store named in Cache:Provider (see docs/configuration.md).</summary>
    public static IServiceCollection AddLaporCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CacheOptions.Section).Get<CacheOptions>() ?? new CacheOptions();
        services.AddMemoryCache();
        switch (options.Provider)
        {
            case CacheProvider.Redis:
                if (string.IsNullOrWhiteSpace(options.Redis))
                {
                    throw new InvalidOperationException("Cache:Redis is required when Cache:Provider is Redis.");
                }

                services.AddStackExchangeRedisCache(o =>
                {
                    // An unreachable Redis should fail a look-up at once (SharedCache then reads the
                    // database), not queue it for the client's default five seconds.
                    // Defaults first: whatever the configured string sets comes later and wins.
                    var redis = ConfigurationOptions.Parse($"connectTimeout=1000,syncTimeout=1000,asyncTimeout=1000,abortConnect=false,{options.Redis}");
                    redis.BacklogPolicy = BacklogPolicy.FailFast;
                    o.ConfigurationOptions = redis;
                });
                break;
            case CacheProvider.SqlServer:
                services.AddDistributedSqlServerCache(o =>
                {
                    o.ConnectionString = configuration.GetConnectionString("Default");
                    o.SchemaName = options.SqlServerSchema;
                    o.TableName = options.SqlServerTable;
                });
                break;
            case CacheProvider.PostgreSql:
                var connectionString = configuration.GetConnectionString("Default");
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("ConnectionStrings:Default is required when Cache:Provider is PostgreSql.");
                }

                Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
                services.AddSingleton(options);
                services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
                services.AddSingleton<PostgresDistributedCache>();
                services.AddSingleton<IDistributedCache>(s => s.GetRequiredService<PostgresDistributedCache>());
                services.AddHostedService<PostgresCacheSweep>();
                break;
            default:
                services.AddDistributedMemoryCache();
                break;
        }

        services.AddSingleton<SharedCache>();
        services.AddScoped<ReferenceData>();
        return services;
    }
}
