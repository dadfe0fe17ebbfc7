namespace Lapor.Web.Infrastructure.Caching;

public enum CacheProvider
{
    /// <summary>In this process only: right for one instance (the embedded default).</summary>
    Memory,

    /// <summary>A Redis server every instance shares (<see cref="CacheOptions.Redis"/>).</summary>
    Redis,

    /// <summary>A table in the SQL Server database (created once with <c>dotnet sql-cache create</c>).</summary>
    SqlServer,
}

public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Where instances keep the versions of their cached data. Several instances need Redis or SqlServer.</summary>
    public CacheProvider Provider { get; set; } = CacheProvider.Memory;

    /// <summary>StackExchange.Redis configuration string, for example <c>redis.internal:6379,password=…,ssl=true</c>.</summary>
    public string? Redis { get; set; }

    public string SqlServerSchema { get; set; } = "dbo";

    public string SqlServerTable { get; set; } = "CacheEntries";
}
