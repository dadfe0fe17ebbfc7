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
                    o.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis);

                    // An unreachable Redis should cost a page one second, not the client's default five.
                    if (!options.Redis.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase))
                    {
                        o.ConfigurationOptions.ConnectTimeout = 1000;
                    }
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
            default:
                services.AddDistributedMemoryCache();
                break;
        }

        services.AddSingleton<SharedCache>();
        return services;
    }
}
