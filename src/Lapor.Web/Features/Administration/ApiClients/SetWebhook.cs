using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Administration.ApiClients;

/// <summary>An API client's webhook is set (address and secret) or, with an empty address, removed.</summary>
public static class SetWebhook
{
    /// <summary>Bound from the fields <c>webhookUrl</c> and <c>webhookSecret</c>.</summary>
    public sealed class Form
    {
        public string? WebhookUrl { get; set; }
        public string? WebhookSecret { get; set; }
    }

    /// <summary>What happened: not found, refused (the resource key of the rule), set or removed.</summary>
    public sealed record Result(bool Found, string? Error = null, bool Removed = false);

    public sealed class Handler(LaporDbContext db, IOptions<WebhookOptions> options, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(int id, Form form, string? adminId, CancellationToken cancellationToken)
        {
            var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id && c.RevokedAt == null, cancellationToken);
            if (client is null)
            {
                return new Result(false);
            }

            var remove = string.IsNullOrWhiteSpace(form.WebhookUrl);
            try
            {
                if (remove)
                {
                    client.RemoveWebhook();
                }
                else
                {
                    client.SetWebhook(form.WebhookUrl, form.WebhookSecret, options.Value.RequireHttps);
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
            return new Result(true, Removed: remove);
        }
    }
}
