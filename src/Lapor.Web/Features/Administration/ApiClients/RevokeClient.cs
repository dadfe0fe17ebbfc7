using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Administration.ApiClients;

/// <summary>An API client's key stops working; the client stays listed, greyed out.</summary>
public static class RevokeClient
{
    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
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
