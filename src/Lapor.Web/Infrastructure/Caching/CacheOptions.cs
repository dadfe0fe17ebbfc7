using System.ComponentModel.DataAnnotations;

namespace Lapor.Web.Infrastructure.Caching;

public enum CacheProvider
{
    /// <summary>In this process only: right for one instance (the embedded default).</summary>
    Memory,

    /// <summary>A Redis server every instance shares (<see cref="CacheOptions.Redis"/>).</summary>
    Redis,

    /// <summary>A table in the SQL Server database (created once with <c>dotnet sql-cache create</c>).</summary>
    SqlServer,

    /// <summary>An UNLOGGED table in the PostgreSQL database of ConnectionStrings:Default, created on first use.</summary>
    PostgreSql,
}

public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Where instances keep the versions of their cached data. Several instances need Redis, SqlServer or PostgreSql.</summary>
    public CacheProvider Provider { get; set; } = CacheProvider.Memory;

    /// <summary>StackExchange.Redis configuration string, for example <c>redis.internal:6379,password=…,ssl=true</c>.</summary>
    public string? Redis { get; set; }

    public string SqlServerSchema { get; set; } = "dbo";

    public string SqlServerTable { get; set; } = "CacheEntries";

    [RegularExpression("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    public string PostgreSqlSchema { get; set; } = "public";

    [RegularExpression("^[A-Za-z_][A-Za-z0-9_]{0,50}$")]
    public string PostgreSqlTable { get; set; } = "CacheEntries";

    /// <summary>How often expired entries of the PostgreSQL cache are deleted (reading one deletes it too).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PostgreSqlSweepInterval { get; set; } = TimeSpan.FromMinutes(30);
}
