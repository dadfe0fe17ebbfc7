using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Lapor.Web.Data;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Infrastructure.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>
/// POSTs a webhook delivery from the outbox to its API client's current address, signed with the
/// client's current secret (<see cref="WebhookSignature"/>, read back from its protected form by
/// <see cref="WebhookSecrets"/>), so a changed address or secret applies to
/// deliveries still waiting. Anything but a 2xx answer throws, and the outbox retries with its backoff.
/// </summary>
public sealed class WebhookSender(LaporDbContext db, IHttpClientFactory clients, WebhookSecrets secrets, TimeProvider clock)
{
    public const string HttpClientName = "Webhooks";

    public async Task SendAsync(OutboxMessage delivery, CancellationToken cancellationToken)
    {
        var clientId = int.Parse(delivery.Recipient, CultureInfo.InvariantCulture);
        var client = await db.ApiClients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.WebhookUrl, c.WebhookSecret, c.RevokedAt }).FirstOrDefaultAsync(cancellationToken);
        if (client is not { RevokedAt: null, WebhookUrl: { } url, WebhookSecret: { } stored })
        {
            throw new InvalidOperationException("The API client is revoked or has no webhook any more.");
        }

        var secret = secrets.Reveal(stored);
        var body = Encoding.UTF8.GetBytes(delivery.PayloadJson);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));

        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The status only: a receiver's error page is not ours to store.
            throw new HttpRequestException($"Webhook {new Uri(url).Host} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }
}
