using System.Net.Mime;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Channels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// The channel webhooks: POST /intake/sms (an SMS gateway's signed JSON or form callback),
/// /intake/whatsapp (WhatsApp Cloud API's own notifications, or a relay's signed JSON; GET answers
/// Meta's verification) and /intake/telegram (Bot API updates). Each checks its platform's signature
/// or secret, reads the platform's payload into <see cref="IncomingMessage"/>s, fetches their photos,
/// and hands every message to <see cref="Conversation"/> in one place (<see cref="HandOverAsync"/>).
/// Never authenticated by a cookie, so antiforgery does not apply. Errors are ProblemDetails; a body
/// of another content type answers 415. The POST actions bind no parameters (not even a
/// CancellationToken): binding would read a form body before the action, and signatures need its raw bytes.
/// </summary>
[ApiController]
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[Route("intake")]
public sealed class IntakeController(Conversation conversation, PlatformMedia platformMedia, ChannelContacts contacts, IOptions<IntakeOptions> options, TimeProvider clock,
    IStringLocalizer<IntegrationsResource> t, ILogger<IntakeController> logger)
    : ControllerBase
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxTextLength = 5000;
    private const string FormType = "application/x-www-form-urlencoded";

    public sealed record Receipt([property: System.Text.Json.Serialization.JsonPropertyName("tracking_number")] string? TrackingNumber);

    /// <summary>Meta's verification of the webhook address: the challenge back, as plain text, when the verify token matches.</summary>
    [HttpGet("whatsapp")]
    [Produces(MediaTypeNames.Text.Plain)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, MediaTypeNames.Text.Plain)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public IActionResult VerifyWhatsApp([FromQuery(Name = "hub.mode")] string? mode, [FromQuery(Name = "hub.verify_token")] string? verifyToken,
        [FromQuery(Name = "hub.challenge")] string? challenge)
    {
        if (string.IsNullOrEmpty(options.Value.WhatsAppVerifyToken))
        {
            return Problem(statusCode: StatusCodes.Status404NotFound, title: t["Intake.ChannelOff"]);
        }

        if (mode != "subscribe" || challenge is not { Length: > 0 and <= 200 } || !IntakeSignature.IsSameSecret(options.Value.WhatsAppVerifyToken, verifyToken))
        {
            logger.LogWarning("WhatsApp webhook verification refused: wrong mode or verify token");
            return Problem(statusCode: StatusCodes.Status403Forbidden, title: t["Intake.BadSignature"]);
        }

        return Content(challenge, MediaTypeNames.Text.Plain);
    }

    /// <summary>An SMS: JSON signed with <c>X-Lapor-Signature</c>, or a form callback with the shared token (field names from <c>Intake:SmsForm</c>).</summary>
    [HttpPost("sms")]
    [ProducesResponseType<Receipt>(StatusCodes.Status200OK, MediaTypeNames.Application.Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [RequestSizeLimit(MaxBodyBytes)]
    public async Task<IActionResult> ReceiveSms()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var settings = options.Value;
        var isForm = HasContentType(FormType);
        if (!isForm && !HasContentType(MediaTypeNames.Application.Json))
        {
            return UnsupportedType();
        }

        if (string.IsNullOrEmpty(isForm ? settings.SmsForm.Token : settings.SmsSecret))
        {
            return ChannelOff();
        }

        var charset = isForm ? FormCharset.Of(Request.ContentType) : null;
        if (isForm && charset is null)
        {
            var name = FormCharset.Name(Request.ContentType) ?? "";
            return Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: t["Intake.UnknownCharset", name.Length <= 40 ? name : name[..40]]);
        }

        if (await ReadBodyAsync(cancellationToken) is not { } body)
        {
            return TooLarge();
        }

        var authentic = isForm
            ? IntakeSignature.IsSameSecret(settings.SmsForm.Token!, FormToken(settings.SmsForm))
            : IsSignedByGateway(settings.SmsSecret!, body);
        if (!authentic)
        {
            return Unauthentic("sms");
        }

        var message = isForm ? IncomingMessage.FromSmsForm(body, settings.SmsForm, charset) : IncomingMessage.FromGateway(body, Channel.Sms);
        if (message is null)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: t["Intake.BadMessage"]);
        }

        return Answer(await HandOverAsync(new WebhookMessage(message, []), cancellationToken));
    }

    /// <summary>
    /// WhatsApp: Cloud API notifications signed with <c>X-Hub-Signature-256</c> (every message in them
    /// filed; anything authentic answers 200, or Meta retries for days), or a relay's JSON signed with
    /// <c>X-Lapor-Signature</c> like an SMS gateway's.
    /// </summary>
    [HttpPost("whatsapp")]
    [ProducesResponseType<Receipt>(StatusCodes.Status200OK, MediaTypeNames.Application.Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [RequestSizeLimit(MaxBodyBytes)]
    public async Task<IActionResult> ReceiveWhatsApp()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var settings = options.Value;
        if (!HasContentType(MediaTypeNames.Application.Json))
        {
            return UnsupportedType();
        }

        var relayed = Request.Headers.ContainsKey(IntakeSignature.SignatureHeader);
        if (string.IsNullOrEmpty(relayed ? settings.WhatsAppSecret : settings.WhatsAppAppSecret))
        {
            return ChannelOff();
        }

        if (await ReadBodyAsync(cancellationToken) is not { } body)
        {
            return TooLarge();
        }

        if (relayed)
        {
            if (!IsSignedByGateway(settings.WhatsAppSecret!, body))
            {
                return Unauthentic("whatsapp");
            }

            return IncomingMessage.FromGateway(body, Channel.WhatsApp) is { } message
                ? Answer(await HandOverAsync(new WebhookMessage(message, []), cancellationToken))
                : Problem(statusCode: StatusCodes.Status400BadRequest, title: t["Intake.BadMessage"]);
        }

        if (!IntakeSignature.IsValidHubSignature(settings.WhatsAppAppSecret!, Request.Headers[IntakeSignature.HubSignatureHeader], body))
        {
            return Unauthentic("whatsapp");
        }

        if (WhatsAppWebhook.Read(body) is not { } messages)
        {
            return Problem(statusCode: StatusCodes.Status400BadRequest, title: t["Intake.NotWhatsAppNotification"]);
        }

        // Delivery statuses, reactions and the like hold no message: acknowledged so Meta stops sending them.
        string? last = null;
        foreach (var message in messages)
        {
            last = await HandOverAsync(message, cancellationToken) is Conversation.Filed filed ? filed.TrackingNumber : last;
        }

        return Ok(new Receipt(last));
    }

    /// <summary>A Telegram update, with the webhook's secret token in <c>X-Telegram-Bot-Api-Secret-Token</c>.</summary>
    [HttpPost("telegram")]
    [ProducesResponseType<Receipt>(StatusCodes.Status200OK, MediaTypeNames.Application.Json)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status415UnsupportedMediaType, "application/problem+json")]
    [RequestSizeLimit(MaxBodyBytes)]
    public async Task<IActionResult> ReceiveTelegram()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var secret = options.Value.TelegramSecretToken;
        if (!HasContentType(MediaTypeNames.Application.Json))
        {
            return UnsupportedType();
        }

        if (string.IsNullOrEmpty(secret))
        {
            return ChannelOff();
        }

        if (await ReadBodyAsync(cancellationToken) is not { } body)
        {
            return TooLarge();
        }

        if (!IntakeSignature.IsSameSecret(secret, Request.Headers["X-Telegram-Bot-Api-Secret-Token"]))
        {
            return Unauthentic("telegram");
        }

        // Telegram retries anything but 200: an update that is not a message to file is acknowledged and dropped.
        return IncomingMessage.FromTelegram(body) is { } message
            ? Answer(await HandOverAsync(message, cancellationToken))
            : Ok(new Receipt(null));
    }

    /// <summary>
    /// Where every authentic message, whatever its platform, goes on: its photos fetched (a failure
    /// leaves them out, never the text), a shared place put in words, a kind not taken given its
    /// refusal, then the conversation decides what it means.
    /// </summary>
    private async Task<Conversation.Outcome> HandOverAsync(WebhookMessage received, CancellationToken cancellationToken)
    {
        var message = received.Message;
        if (received.OfAKindNotTaken)
        {
            // Named by its key: the conversation writes it in the reporter's language, not the webhook caller's.
            message = message with { RefusalKey = "Intake.KindNotTaken" };
        }
        else if (message.Location is { } place && message.Text.Length == 0)
        {
            message = message with { Text = t["Intake.LocationSent", place.Description] };
        }

        if (message.Text.Length > MaxTextLength)
        {
            return new Conversation.Refused(t["Validation.MaxLength", "text", MaxTextLength]);
        }

        if (received.Media.Count > 0)
        {
            var media = await platformMedia.FetchAsync(message.Channel, received.Media, cancellationToken);
            message = message with
            {
                Media = media,
                Text = message.Text.Length > 0 ? message.Text : t["Intake.PhotoWithoutText"],
            };
        }

        // When the reporter last wrote: WhatsApp's 24-hour window for free-text replies starts there.
        await contacts.RecordInboundAsync(message.ReplyChannel, message.ReplyTo, cancellationToken);
        var outcome = await conversation.ReceiveAsync(message, cancellationToken);
        if (outcome is Conversation.Refused refused)
        {
            logger.LogWarning("A {Channel} message was refused: {Reason}", message.Channel, refused.Message);
        }

        return outcome;
    }

    private ObjectResult Answer(Conversation.Outcome outcome) => outcome switch
    {
        Conversation.Filed filed => Ok(new Receipt(filed.TrackingNumber)),
        Conversation.Refused refused => Problem(statusCode: StatusCodes.Status400BadRequest, title: refused.Message),
        _ => throw new InvalidOperationException("Unknown conversation outcome."),
    };

    private bool HasContentType(string mediaType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(Request.ContentType, out var given)
        && string.Equals(given.MediaType.Value, mediaType, StringComparison.OrdinalIgnoreCase);

    private bool IsSignedByGateway(string secret, byte[] body) =>
        IntakeSignature.IsValid(secret, Request.Headers[IntakeSignature.TimestampHeader], Request.Headers[IntakeSignature.SignatureHeader], body, clock.GetUtcNow(),
            options.Value.MaxClockSkew);

    /// <summary>A form gateway's token: in the configured header, or in the configured query parameter.</summary>
    private string? FormToken(SmsFormOptions form)
    {
        if (Request.Headers.TryGetValue(form.TokenHeader, out var header))
        {
            return header.Count == 1 ? header[0] : null;
        }

        return !string.IsNullOrEmpty(form.TokenQueryParameter) && Request.Query.TryGetValue(form.TokenQueryParameter, out var query) && query.Count == 1 ? query[0] : null;
    }

    /// <summary>The raw body (signatures are over its bytes), or null when it is larger than the limit.</summary>
    private async Task<byte[]?> ReadBodyAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        try
        {
            await Request.Body.CopyToAsync(buffer, cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private ObjectResult UnsupportedType() => Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: t["Intake.WrongContentType"]);

    private ObjectResult ChannelOff() => Problem(statusCode: StatusCodes.Status404NotFound, title: t["Intake.ChannelOff"]);

    private ObjectResult TooLarge() => Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: t["Intake.TooLarge", MaxBodyBytes / 1024]);

    private ObjectResult Unauthentic(string channel)
    {
        logger.LogWarning("Intake on {Channel} refused: bad or missing signature", channel);
        return Problem(statusCode: StatusCodes.Status401Unauthorized, title: t["Intake.BadSignature"]);
    }
}
