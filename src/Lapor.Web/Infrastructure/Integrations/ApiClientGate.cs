using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Lapor.Web.Data;
using Lapor.Web.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Integrations;

public enum ApiKeyOutcome
{
    Allowed,
    Missing,
    Unknown,
    NotAllowed,
    TooManyRequests,
}

/// <summary>
/// The door for systems calling the API with an <c>api_key</c>: the key must belong to a client that is
/// not revoked, may perform the operation and is within its own requests per minute. Every call is
/// logged with the client's name and key prefix (never the key); a use is recorded on the client.
/// </summary>
public sealed class ApiClientGate(LaporDbContext db, ApiClientRateLimits limits, TimeProvider clock, ILogger<ApiClientGate> logger)
{
    /// <summary>The outcome and, when allowed, the tracked client (saved with the caller's changes).</summary>
    public async Task<(ApiKeyOutcome Outcome, ApiClient? Client)> CheckAsync(string? key, ApiOperations operation, CancellationToken cancellationToken)
    {
        var check = await CheckKeyAsync(key, operation, cancellationToken);
        return (check.Outcome, check.Client);
    }

    /// <summary>As <see cref="CheckAsync"/>, with how long a client over its rate should wait (for a Retry-After header).</summary>
    public async Task<ApiKeyCheck> CheckKeyAsync(string? key, ApiOperations operation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            logger.LogWarning("API call without a key for {Operation}", operation);
            return new ApiKeyCheck(ApiKeyOutcome.Missing, null, null);
        }

        var hash = ApiClient.Hash(key.Trim());
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.KeyHash == hash, cancellationToken);
        TimeSpan? wait = null;
        var outcome = client switch
        {
            null => ApiKeyOutcome.Unknown,
            _ when !client.Allows(operation) => ApiKeyOutcome.NotAllowed,
            _ when !limits.TryAcquire(client, out wait) => ApiKeyOutcome.TooManyRequests,
            _ => ApiKeyOutcome.Allowed,
        };
        logger.LogInformation("API client {Client} ({KeyPrefix}) {Operation}: {Outcome}", client?.Name ?? "?", client?.KeyPrefix ?? "?", operation, outcome);
        if (outcome != ApiKeyOutcome.Allowed)
        {
            return new ApiKeyCheck(outcome, null, wait);
        }

        client!.MarkUsed(clock.GetUtcNow());
        return new ApiKeyCheck(outcome, client, null);
    }
}

/// <summary>A key's check: the outcome, the client when allowed, and the wait when over the rate.</summary>
public sealed record ApiKeyCheck(ApiKeyOutcome Outcome, ApiClient? Client, TimeSpan? RetryAfter)
{
    /// <summary>Whole seconds for a Retry-After header, at least one.</summary>
    public int? RetryAfterSeconds => RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null;
}

/// <summary>Each client's own requests per minute, in memory (per instance, like the other rate limits).</summary>
public sealed class ApiClientRateLimits : IDisposable
{
    private readonly ConcurrentDictionary<(int Id, int PerMinute), RateLimiter> _limiters = new();

    public bool TryAcquire(ApiClient client) => TryAcquire(client, out _);

    /// <summary>A permit, or false and how long until the client's window opens again.</summary>
    public bool TryAcquire(ApiClient client, out TimeSpan? retryAfter)
    {
        var limiter = _limiters.GetOrAdd((client.Id, client.RequestsPerMinute), key => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));
        using var lease = limiter.AttemptAcquire();
        retryAfter = lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }
}
