using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Operations;

/// <summary>
/// Webhook secrets stored in clear before they were protected (<see cref="WebhookSecrets"/>) are protected
/// at start-up, once: the receivers keep their secret and nothing changes for them. Until it has run, the
/// sender reads a clear secret as it is. (SQL cannot do it in the migration: it needs the key ring.)
/// </summary>
public sealed class WebhookSecretBackfill(LaporDbContext db, WebhookSecrets secrets, ILogger<WebhookSecretBackfill> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clients = await db.ApiClients.Where(c => c.WebhookSecret != null).ToListAsync(cancellationToken);
        var clear = clients.Where(c => !WebhookSecrets.IsProtected(c.WebhookSecret!)).ToList();
        if (clear.Count == 0)
        {
            return 0;
        }

        clear.ForEach(c => c.ProtectStoredWebhookSecret(secrets.ProtectIfClear));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Protected the webhook secrets of {Clients} API clients stored in clear", clear.Count);
        return clear.Count;
    }
}
