using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lapor.TestSupport.Providers;

/// <summary>
/// The Telegram Bot API's file download as documented (https://core.telegram.org/bots/api#getfile), on a
/// loopback port: <c>GET /bot{token}/getFile?file_id=…</c> answers <c>{"ok":true,"result":{"file_id":…,
/// "file_unique_id":…,"file_size":…,"file_path":…}}</c>, and <c>GET /file/bot{token}/{file_path}</c> the
/// bytes. A wrong token answers 401 and an unknown file 400, with the Bot API's
/// <c>{"ok":false,"error_code":…,"description":…}</c>.
/// </summary>
public sealed class TelegramFileStandIn : IAsyncDisposable
{
    /// <summary>A token of BotFather's form (the colon matters: it must not read as a URI scheme).</summary>
    public const string BotToken = "123456789:AAUji-token-telegram_uji";

    private readonly ConcurrentDictionary<string, (string FilePath, byte[] Content)> _files = new();
    private readonly ConcurrentQueue<string> _served = new();
    private WebApplication? _app;

    public int Port { get; } = LocalProcesses.FreePort();

    /// <summary>What Lapor's <c>Channels:Telegram:ApiBaseUrl</c> points at.</summary>
    public Uri ApiBaseUrl => new($"http://127.0.0.1:{Port}/");

    /// <summary>The file ids whose bytes were downloaded (with the right token).</summary>
    public IReadOnlyCollection<string> Served => [.. _served];

    public void Add(string fileId, string filePath, byte[] content) => _files[fileId] = (filePath, content);

    public static async Task<TelegramFileStandIn> StartAsync()
    {
        var standIn = new TelegramFileStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{standIn.Port}");
        var app = builder.Build();
        app.MapGet("/{bot}/getFile", standIn.GetFileAsync);
        app.MapGet("/file/{bot}/{**path}", standIn.DownloadAsync);
        await app.StartAsync();
        standIn._app = app;
        return standIn;
    }

    private Task GetFileAsync(HttpContext context, string bot)
    {
        if (bot != $"bot{BotToken}")
        {
            return ErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
        }

        var fileId = context.Request.Query["file_id"].ToString();
        if (!_files.TryGetValue(fileId, out var file))
        {
            return ErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: invalid file_id");
        }

        return context.Response.WriteAsJsonAsync(new
        {
            ok = true,
            result = new { file_id = fileId, file_unique_id = "AQADuji", file_size = file.Content.Length, file_path = file.FilePath },
        });
    }

    private async Task DownloadAsync(HttpContext context, string bot, string path)
    {
        var file = _files.FirstOrDefault(f => f.Value.FilePath == path);
        if (bot != $"bot{BotToken}" || file.Key is null)
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, "Not Found");
            return;
        }

        _served.Enqueue(file.Key);
        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(file.Value.Content);
    }

    private static Task ErrorAsync(HttpContext context, int status, string description)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { ok = false, error_code = status, description });
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
