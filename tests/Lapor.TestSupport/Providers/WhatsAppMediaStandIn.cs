using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lapor.TestSupport.Providers;

/// <summary>
/// The WhatsApp Cloud API's media endpoints as Meta documents them, on a loopback port:
/// <c>GET /{version}/{media-id}</c> with <c>Authorization: Bearer</c> answers
/// <c>{"messaging_product":"whatsapp","url":…,"mime_type":…,"sha256":…,"file_size":…,"id":…}</c>, and the
/// URL it gives (<c>/whatsapp_business/attachments/?mid=…</c>, like lookaside.fbsbx.com's) answers the
/// bytes only with the same Bearer token. Errors are the Graph API's error object (code 190 for a bad
/// token, 100 for an unknown id). Started by <see cref="StartAsync"/>, stopped when disposed.
/// </summary>
public sealed class WhatsAppMediaStandIn : IAsyncDisposable
{
    public const string AccessToken = "EAAUji-token-whatsapp-uji";
    public const string Version = "v21.0";

    private readonly ConcurrentDictionary<string, (string MimeType, byte[] Content)> _media = new();
    private readonly ConcurrentQueue<string> _served = new();
    private WebApplication? _app;

    public int Port { get; } = LocalProcesses.FreePort();

    /// <summary>What Lapor's <c>Channels:WhatsApp:ApiBaseUrl</c> points at.</summary>
    public Uri ApiBaseUrl => new($"http://127.0.0.1:{Port}/{Version}/");

    /// <summary>The media ids whose bytes were downloaded (with the right token).</summary>
    public IReadOnlyCollection<string> Served => [.. _served];

    /// <summary>Requests refused for a missing or wrong Bearer token.</summary>
    public int Unauthorized => _unauthorized;

    private int _unauthorized;

    public void Add(string mediaId, string mimeType, byte[] content) => _media[mediaId] = (mimeType, content);

    public static async Task<WhatsAppMediaStandIn> StartAsync()
    {
        var standIn = new WhatsAppMediaStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{standIn.Port}");
        var app = builder.Build();
        app.MapGet($"/{Version}/{{mediaId}}", standIn.MediaUrlAsync);
        app.MapGet("/whatsapp_business/attachments/", standIn.DownloadAsync);
        await app.StartAsync();
        standIn._app = app;
        return standIn;
    }

    private Task MediaUrlAsync(HttpContext context, string mediaId)
    {
        if (!HasToken(context))
        {
            return GraphErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid OAuth access token - Cannot parse access token", "OAuthException", 190);
        }

        if (!_media.TryGetValue(mediaId, out var media))
        {
            return GraphErrorAsync(context, StatusCodes.Status400BadRequest,
                $"Unsupported get request. Object with ID '{mediaId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.", "GraphMethodException", 100);
        }

        return context.Response.WriteAsJsonAsync(new Dictionary<string, string>
        {
            ["messaging_product"] = "whatsapp",
            ["url"] = $"http://127.0.0.1:{Port}/whatsapp_business/attachments/?mid={mediaId}&ext={DateTimeOffset.UtcNow.ToUnixTimeSeconds()}&hash=uji",
            ["mime_type"] = media.MimeType,
            ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(media.Content)),
            ["file_size"] = media.Content.Length.ToString(CultureInfo.InvariantCulture),
            ["id"] = mediaId,
        });
    }

    private async Task DownloadAsync(HttpContext context)
    {
        if (!HasToken(context))
        {
            await GraphErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid OAuth access token - Cannot parse access token", "OAuthException", 190);
            return;
        }

        if (context.Request.Query["mid"].ToString() is not { Length: > 0 } mediaId || !_media.TryGetValue(mediaId, out var media))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        _served.Enqueue(mediaId);
        context.Response.ContentType = media.MimeType;
        context.Response.ContentLength = media.Content.Length;
        await context.Response.Body.WriteAsync(media.Content);
    }

    private bool HasToken(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() == $"Bearer {AccessToken}")
        {
            return true;
        }

        Interlocked.Increment(ref _unauthorized);
        return false;
    }

    private static Task GraphErrorAsync(HttpContext context, int status, string message, string type, int code)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { message, type, code, fbtrace_id = "AUjiFbTrace01" } });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
