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
        if (string.IsNullOrWhiteSpace(key))
        {
            logger.LogWarning("API call without a key for {Operation}", operation);
            return (ApiKeyOutcome.Missing, null);
        }

        var hash = ApiClient.Hash(key.Trim());
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.KeyHash == hash, cancellationToken);
        var outcome = client switch
        {
            null => ApiKeyOutcome.Unknown,
            _ when !client.Allows(operation) => ApiKeyOutcome.NotAllowed,
            _ when !limits.TryAcquire(client) => ApiKeyOutcome.TooManyRequests,
            _ => ApiKeyOutcome.Allowed,
        };
        logger.LogInformation("API client {Client} ({KeyPrefix}) {Operation}: {Outcome}", client?.Name ?? "?", client?.KeyPrefix ?? "?", operation, outcome);
        if (outcome != ApiKeyOutcome.Allowed)
        {
            return (outcome, null);
        }

        client!.MarkUsed(clock.GetUtcNow());
        return (outcome, client);
    }
}

/// <summary>Each client's own requests per minute, in memory (per instance, like the other rate limits).</summary>
public sealed class ApiClientRateLimits : IDisposable
{
    private readonly ConcurrentDictionary<(int Id, int PerMinute), RateLimiter> _limiters = new();

    public bool TryAcquire(ApiClient client)
    {
        var limiter = _limiters.GetOrAdd((client.Id, client.RequestsPerMinute), key => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));
        using var lease = limiter.AttemptAcquire();
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
