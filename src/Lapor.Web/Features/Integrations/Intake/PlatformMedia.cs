using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Channels;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// Fetches the photos and documents reporters send on WhatsApp and Telegram, which the webhooks only
/// name by id, with Lapor's own credentials (<c>Channels</c>). A file that cannot be fetched (platform
/// not connected, an error, too slow, too large) is logged and left out: the message is filed without it.
/// </summary>
public sealed class PlatformMedia(IHttpClientFactory clients, IOptions<ChannelOptions> channels, ILogger<PlatformMedia> logger)
{
    /// <summary>The HTTP clients (their request logging is off: Telegram's address holds the bot token).</summary>
    public const string WhatsAppClient = "intake-whatsapp-media";

    public const string TelegramClient = "intake-telegram-files";

    /// <summary>As on the web form: a larger file would be refused there, so it is not downloaded whole.</summary>
    public const long MaxBytes = Attachment.MaxBytes;

    public async Task<IReadOnlyList<IncomingMedia>> FetchAsync(Channel channel, IReadOnlyList<MediaReference> media, CancellationToken cancellationToken)
    {
        var fetched = new List<IncomingMedia>();
        foreach (var reference in media.Take(MediaReference.MaxPerMessage))
        {
            try
            {
                var file = channel switch
                {
                    Channel.WhatsApp => await FromWhatsAppAsync(reference, cancellationToken),
                    Channel.Telegram => await FromTelegramAsync(reference, cancellationToken),
                    _ => null,
                };
                if (file is not null)
                {
                    fetched.Add(file);
                }
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or InvalidDataException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The exception's type and message only: neither carries the token or the reporter's number.
                logger.LogWarning("A {Channel} file could not be fetched ({Failure}: {Reason}); the message is filed without it", channel, e.GetType().Name, e.Message);
            }
        }

        return fetched;
    }

    /// <summary>Graph API: GET {base}/{media-id} gives a short-lived URL, which is fetched with the same Bearer token.</summary>
    private async Task<IncomingMedia?> FromWhatsAppAsync(MediaReference reference, CancellationToken cancellationToken)
    {
        var settings = channels.Value.WhatsApp;
        if (string.IsNullOrEmpty(settings.AccessToken))
        {
            logger.LogWarning("A WhatsApp file was not fetched: Channels:WhatsApp:AccessToken is not set");
            return null;
        }

        var client = clients.CreateClient(WhatsAppClient);
        var address = new Uri(settings.ApiBaseUrl, "./" + Uri.EscapeDataString(reference.Id)
            + (string.IsNullOrEmpty(settings.PhoneNumberId) ? "" : "?phone_number_id=" + Uri.EscapeDataString(settings.PhoneNumberId)));
        var info = JsonSerializer.Deserialize<WhatsAppMediaInfo>(await GetAsync(client, address, settings.AccessToken, cancellationToken));
        if (!Uri.TryCreate(info?.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw new InvalidDataException("The Graph API gave no media URL.");
        }

        var content = await GetAsync(client, url, settings.AccessToken, cancellationToken);
        var type = info!.MimeType ?? reference.ContentType ?? "application/octet-stream";
        return new IncomingMedia(FileName(reference.FileName, $"whatsapp-{Shorten(reference.Id)}{Extension(type)}"), type, content);
    }

    /// <summary>Bot API: getFile (addresses start with "./": the token's colon would otherwise read as a scheme) gives the file's path, fetched from {base}/file/bot{token}/{path}.</summary>
    private async Task<IncomingMedia?> FromTelegramAsync(MediaReference reference, CancellationToken cancellationToken)
    {
        var settings = channels.Value.Telegram;
        if (string.IsNullOrEmpty(settings.BotToken))
        {
            logger.LogWarning("A Telegram file was not fetched: Channels:Telegram:BotToken is not set");
            return null;
        }

        var client = clients.CreateClient(TelegramClient);
        var answer = JsonSerializer.Deserialize<TelegramFileAnswer>(
            await GetAsync(client, new Uri(settings.ApiBaseUrl, $"./bot{settings.BotToken}/getFile?file_id={Uri.EscapeDataString(reference.Id)}"), null, cancellationToken));
        if (answer is not { Ok: true, Result.FilePath: { Length: > 0 } path } || path.Contains("..", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"getFile refused the file: {answer?.Description}");
        }

        var content = await GetAsync(client, new Uri(settings.ApiBaseUrl, $"./file/bot{settings.BotToken}/{path}"), null, cancellationToken);
        var type = reference.ContentType ?? "image/jpeg";
        return new IncomingMedia(FileName(reference.FileName, Path.GetFileName(path)), type, content);
    }

    /// <summary>A GET whose body is read up to <see cref="MaxBytes"/>; a failure status or a larger body throws.</summary>
    private static async Task<byte[]> GetAsync(HttpClient client, Uri address, string? bearer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Not EnsureSuccessStatusCode: its message is enough, but keep the status for the log.
            throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > MaxBytes)
        {
            throw new InvalidDataException($"The file is larger than {MaxBytes} bytes.");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > MaxBytes)
            {
                throw new InvalidDataException($"The file is larger than {MaxBytes} bytes.");
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    /// <summary>The sender's file name without any folder and at most 100 characters (the column holds 255), or the fallback.</summary>
    private static string FileName(string? given, string fallback)
    {
        var name = Path.GetFileName(given?.Replace('\\', '/') ?? "").Trim();
        if (name.Length == 0)
        {
            return fallback;
        }

        var extension = Path.GetExtension(name);
        return name.Length <= 100 ? name : string.Concat(name.AsSpan(0, 100 - Math.Min(extension.Length, 10)), extension.Length <= 10 ? extension : "");
    }

    private static string Shorten(string id) => id.Length <= 24 ? id : id[..24];

    private static string Extension(string contentType) => contentType.Split(';')[0].Trim().ToLower(CultureInfo.InvariantCulture) switch
    {
        "image/png" => ".png",
        "application/pdf" => ".pdf",
        _ => ".jpg",
    };

    /// <summary>The Graph API's answer for a media id.</summary>
    private sealed class WhatsAppMediaInfo
    {
        [JsonPropertyName("url")] public string? Url { get; set; }
        [JsonPropertyName("mime_type")] public string? MimeType { get; set; }
    }

    /// <summary>The Bot API's answer to getFile: <c>{"ok":true,"result":{"file_path":…}}</c> or <c>{"ok":false,"description":…}</c>.</summary>
    private sealed class TelegramFileAnswer
    {
        [JsonPropertyName("ok")] public bool Ok { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("result")] public TelegramFile? Result { get; set; }
    }

    private sealed class TelegramFile
    {
        [JsonPropertyName("file_path")] public string? FilePath { get; set; }
    }
}
