using Microsoft.Extensions.Caching.Distributed;
using Npgsql;
using NpgsqlTypes;

namespace Lapor.Web.Infrastructure.Caching;

/// <summary>
/// The shared cache in a PostgreSQL table, for installations whose instances share a PostgreSQL database
/// and no Redis (Cache:Provider=PostgreSql); the same contract as the SQL Server cache: absolute and
/// sliding expiry (twenty minutes sliding when an entry names neither), a read of a sliding entry
/// pushes its end on. Expired rows are deleted when read and by <see cref="PostgresCacheSweep"/>.
/// <para>
/// The cache creates its table itself on first use rather than through the Postgres migrations: it is
/// no part of the domain model, its name is configurable, and it is UNLOGGED (cheaper writes, emptied
/// after a crash, which a cache may be).
/// </para>
/// </summary>
public sealed class PostgresDistributedCache(NpgsqlDataSource database, CacheOptions options, TimeProvider clock) : IDistributedCache, IDisposable
{
    public static readonly TimeSpan DefaultSlidingExpiration = TimeSpan.FromMinutes(20);

    private readonly string _table = $"\"{options.PostgreSqlSchema}\".\"{options.PostgreSqlTable}\"";
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    public void Dispose() => _creating.Dispose();

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(token);
        await using var batch = new NpgsqlBatch(connection);
        var now = clock.GetUtcNow();
        Add(batch, $"""DELETE FROM {_table} WHERE "Key" = $1 AND "ExpiresAt" <= $2""", key, now);
        Add(batch, Slide, key, now);
        Add(batch, $"""SELECT "Value" FROM {_table} WHERE "Key" = $1 AND "ExpiresAt" > $2""", key, now);
        await using var reader = await batch.ExecuteReaderAsync(token);
        return await reader.ReadAsync(token) ? reader.GetFieldValue<byte[]>(0) : null;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var now = clock.GetUtcNow();
        var absolute = options.AbsoluteExpiration ?? (now + options.AbsoluteExpirationRelativeToNow);
        if (absolute <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(options), absolute, "The absolute expiration value must be in the future.");
        }

        var sliding = options.SlidingExpiration ?? (absolute is null ? DefaultSlidingExpiration : null);
        var expires = sliding is { } slide && (absolute is null || now + slide < absolute) ? now + slide : absolute!.Value;

        await using var connection = await OpenAsync(token);
        await using var batch = new NpgsqlBatch(connection);
        var upsert = Add(batch, $"""
            INSERT INTO {_table} ("Key", "Value", "ExpiresAt", "SlidingExpiration", "AbsoluteExpiration") VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT ("Key") DO UPDATE SET "Value" = EXCLUDED."Value", "ExpiresAt" = EXCLUDED."ExpiresAt",
                "SlidingExpiration" = EXCLUDED."SlidingExpiration", "AbsoluteExpiration" = EXCLUDED."AbsoluteExpiration"
            """, key, value, expires.ToUniversalTime());
        upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Interval, Value = sliding is { } s ? s : DBNull.Value });
        upsert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = absolute is { } a ? a.ToUniversalTime() : DBNull.Value });
        await batch.ExecuteNonQueryAsync(token);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(token);
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, Slide, key, clock.GetUtcNow());
        await batch.ExecuteNonQueryAsync(token);
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(token);
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, $"""DELETE FROM {_table} WHERE "Key" = $1""", key);
        await batch.ExecuteNonQueryAsync(token);
    }

    /// <summary>Deletes every expired entry; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken token)
    {
        await using var connection = await OpenAsync(token);
        await using var batch = new NpgsqlBatch(connection);
        Add(batch, $"""DELETE FROM {_table} WHERE "ExpiresAt" <= $1""", clock.GetUtcNow());
        return await batch.ExecuteNonQueryAsync(token);
    }

    /// <summary>A live sliding entry read or refreshed: its end moves on by its sliding time, never past its absolute end.</summary>
    private string Slide => $"""
        UPDATE {_table} SET "ExpiresAt" = LEAST($2 + "SlidingExpiration", COALESCE("AbsoluteExpiration", 'infinity'))
        WHERE "Key" = $1 AND "ExpiresAt" > $2 AND "SlidingExpiration" IS NOT NULL
        """;

    private static NpgsqlBatchCommand Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value is DateTimeOffset time ? time.ToUniversalTime() : value });
        }

        batch.BatchCommands.Add(command);
        return command;
    }

    /// <summary>A connection from the pool, the table created first if this instance has not yet.</summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken token)
    {
        if (!_created)
        {
            await CreateTableAsync(token);
        }

        return await database.OpenConnectionAsync(token);
    }

    private async Task CreateTableAsync(CancellationToken token)
    {
        await _creating.WaitAsync(token);
        try
        {
            if (_created)
            {
                return;
            }

            await using var command = database.CreateCommand($"""
                CREATE UNLOGGED TABLE IF NOT EXISTS {_table} ("Key" text PRIMARY KEY, "Value" bytea NOT NULL, "ExpiresAt" timestamptz NOT NULL,
                    "SlidingExpiration" interval, "AbsoluteExpiration" timestamptz);
                CREATE INDEX IF NOT EXISTS "IX_{options.PostgreSqlTable}_ExpiresAt" ON {_table} ("ExpiresAt");
                """);
            try
            {
                await command.ExecuteNonQueryAsync(token);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Another instance created it at the same moment.
            }

            _created = true;
        }
        finally
        {
            _creating.Release();
        }
    }
}

/// <summary>Deletes the expired entries of the PostgreSQL cache every Cache:PostgreSqlSweepInterval; a failed sweep waits for the next.</summary>
public sealed class PostgresCacheSweep(PostgresDistributedCache cache, CacheOptions options, TimeProvider clock, ILogger<PostgresCacheSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PostgreSqlSweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await cache.DeleteExpiredAsync(stoppingToken);
                logger.LogDebug("Deleted {Count} expired cache entries", deleted);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Could not delete the expired cache entries; trying again in {Interval}", options.PostgreSqlSweepInterval);
            }
        }
    }
}
