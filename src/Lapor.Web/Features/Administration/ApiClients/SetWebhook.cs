using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Infrastructure.Integrations;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Administration.ApiClients;

/// <summary>
/// An API client's webhook is set (address and secret) or, with an empty address, removed. A secret left
/// empty is made here; either way it is stored protected (<see cref="WebhookSecrets"/>) and shown once,
/// on the page this answers, like a new API key.
/// </summary>
public static class SetWebhook
{
    /// <summary>Bound from the fields <c>webhookUrl</c> and <c>webhookSecret</c>.</summary>
    public sealed class Form
    {
        public string? WebhookUrl { get; set; }
        public string? WebhookSecret { get; set; }
    }

    /// <summary>What happened: not found, refused (the resource key of the rule), removed, or set (with the list showing the secret once).</summary>
    public sealed record Result(bool Found, string? Error = null, bool Removed = false, ClientList.Page? Page = null);

    public sealed class Handler(LaporDbContext db, ClientList.Handler list, WebhookSecrets secrets, IOptions<WebhookOptions> options, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(int id, Form form, string? adminId, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id && c.RevokedAt == null, cancellationToken);
            if (client is null)
            {
                return new Result(false);
            }

            var remove = string.IsNullOrWhiteSpace(form.WebhookUrl);
            // A secret left empty keeps the one the receiver already checks (a new address alone must not break it);
            // only a first webhook, or one whose secret can no longer be read (key ring lost), gets a new one.
            var kept = string.IsNullOrWhiteSpace(form.WebhookSecret) && !remove ? Current(client) : null;
            var secret = kept ?? (string.IsNullOrWhiteSpace(form.WebhookSecret) ? ApiClient.NewWebhookSecret() : form.WebhookSecret.Trim());
            try
            {
                if (remove)
                {
                    client.RemoveWebhook();
                }
                else
                {
                    client.SetWebhook(form.WebhookUrl, secret, options.Value.RequireHttps, secrets.Protect);
                }
            }
            catch (DomainException rule)
            {
                return new Result(true, $"Domain.{rule.Code}");
            }

            // The receiving host is recorded, never the secret.
            var reason = remove ? "webhook removed" : $"webhook set ({new Uri(client.WebhookUrl!).Host})";
            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "ApiClient", client.KeyPrefix, reason, null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return remove ? new Result(true, Removed: true) : new Result(true, Page: await list.HandleAsync(null, cancellationToken) with { NewWebhookSecret = kept is null ? new(client.Name, secret) : null });
        }

        private string? Current(ApiClient client)
        {
            try
            {
                return client.WebhookSecret is { } stored ? secrets.Reveal(stored) : null;
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return null;
            }
        }
    }
}
