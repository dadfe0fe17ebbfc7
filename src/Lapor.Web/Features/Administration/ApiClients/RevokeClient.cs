using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.ApiClients;

/// <summary>An API client's key stops working; the client stays listed, greyed out.</summary>
public static class RevokeClient
{
    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
        /// <summary>The client as listed, for the confirmation; null when no client has this id.</summary>
        public async Task<ClientList.Row?> FindAsync(int id, CancellationToken cancellationToken) =>
            await db.ApiClients.AsNoTracking().Where(c => c.Id == id)
                .Select(c => new ClientList.Row(c.Id, c.Name, c.KeyPrefix, c.Operations, c.RequestsPerMinute, c.CreatedAt, c.LastUsedAt, c.RevokedAt == null))
                .FirstOrDefaultAsync(cancellationToken);

        /// <summary>False when no client has this id.</summary>
        public async Task<bool> HandleAsync(int id, string? adminId, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (client is null)
            {
                return false;
            }

            client.Revoke(clock.GetUtcNow());
            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "ApiClient", client.KeyPrefix, "revoked", null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
    }
}
