using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Channels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// POST /intake/{sms|whatsapp|telegram}: a gateway hands over one incoming message, which becomes an
/// Unverified report with its channel kept; the reporter gets the tracking number back on the same
/// channel through the outbox. Authenticated by the gateway's HMAC signature (SMS, WhatsApp) or
/// Telegram's secret-token header, never by a cookie, so antiforgery does not apply. Errors are ProblemDetails.
/// </summary>
[ApiController]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("intake")]
public sealed class IntakeController(Conversation conversation, ChannelContacts contacts, IOptions<IntakeOptions> options, TimeProvider clock, IStringLocalizer<IntegrationsResource> t, ILogger<IntakeController> logger)
    : ControllerBase
{
    private const int MaxBodyBytes = 64 * 1024;

    public sealed record Receipt([property: System.Text.Json.Serialization.JsonPropertyName("tracking_number")] string? TrackingNumber);

    [HttpPost("{channel:regex(^(sms|whatsapp|telegram)$)}")]
    [Consumes("application/json")]
    [ProducesResponseType<Receipt>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [RequestSizeLimit(MaxBodyBytes)]
    public async Task<IActionResult> Receive([FromRoute] string channel, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var secret = channel switch { "sms" => settings.SmsSecret, "whatsapp" => settings.WhatsAppSecret, _ => settings.TelegramSecretToken };
        if (string.IsNullOrEmpty(secret))
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: t["Intake.ChannelOff"]);
        }

        using var buffer = new MemoryStream();
        try
        {
            await Request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: t["Intake.BadMessage"]);
        }

        var body = buffer.ToArray();
        var authentic = channel == "telegram"
            ? IntakeSignature.IsSameSecret(secret, Request.Headers["X-Telegram-Bot-Api-Secret-Token"])
            : IntakeSignature.IsValid(secret, Request.Headers[IntakeSignature.TimestampHeader], Request.Headers[IntakeSignature.SignatureHeader], body, clock.GetUtcNow(), settings.MaxClockSkew);
        if (!authentic)
        {
            logger.LogWarning("Intake on {Channel} refused: bad or missing signature", channel);
            return Problem(statusCode: StatusCodes.Status401Unauthorized, title: t["Intake.BadSignature"]);
        }

        var message = channel == "telegram" ? IncomingMessage.FromTelegram(body) : IncomingMessage.FromGateway(body, channel == "sms" ? Channel.Sms : Channel.WhatsApp);
        if (message is null)
        {
            // Telegram retries anything but 200: an update that is not a text message is acknowledged and dropped.
            return channel == "telegram" ? Ok(new Receipt(null)) : Problem(statusCode: StatusCodes.Status400BadRequest, title: t["Intake.BadMessage"]);
        }

        if (message.Text.Length > 5000)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: t["Validation.MaxLength", "text", 5000]);
        }

        // When the reporter last wrote: WhatsApp's 24-hour window for free-text replies starts there.
        await contacts.RecordInboundAsync(message.ReplyChannel, message.ReplyTo, cancellationToken);
        return await conversation.ReceiveAsync(message, cancellationToken) switch
        {
            Conversation.Filed filed => Ok(new Receipt(filed.TrackingNumber)),
            Conversation.Refused refused => Problem(statusCode: StatusCodes.Status400BadRequest, title: refused.Message),
            _ => throw new InvalidOperationException("Unknown conversation outcome."),
        };
    }
}
