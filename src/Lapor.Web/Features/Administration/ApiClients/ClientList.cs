using Lapor.Web.Data;
using Lapor.Web.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.ApiClients;

/// <summary>The systems allowed to call Lapor's API, by name; a key shows only its prefix, except right after it is made.</summary>
public static class ClientList
{
    public sealed record Row(int Id, string Name, string KeyPrefix, ApiOperations Operations, int RequestsPerMinute, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool Active)
    {
        /// <summary>Where status changes of its reports go (the secret is never shown).</summary>
        public string? WebhookUrl { get; init; }
    }

    public sealed record Page(IReadOnlyList<Row> Clients, string? NewKey)
    {
        /// <summary>A webhook secret just set, for the response that sets it only: it is stored protected and never shown again.</summary>
        public ShownSecret? NewWebhookSecret { get; init; }
    }

    public sealed record ShownSecret(string ClientName, string Secret);

    public sealed class Handler(LaporDbContext db)
    {
        public async Task<Page> HandleAsync(string? newKey, CancellationToken cancellationToken) =>
            new(await db.ApiClients.AsNoTracking().OrderBy(c => c.Name)
                    .Select(c => new Row(c.Id, c.Name, c.KeyPrefix, c.Operations, c.RequestsPerMinute, c.CreatedAt, c.LastUsedAt, c.RevokedAt == null) { WebhookUrl = c.WebhookUrl })
                    .ToListAsync(cancellationToken),
                newKey);
    }
}
