using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.Intake;

/// <summary>What the platform webhook tests share.</summary>
internal static class NativeWebhook
{
    /// <summary>A webhook call on the app's real Kestrel, its answer read whole before the client goes.</summary>
    public static async Task<HttpResponseMessage> SendBufferedAsync(this ChannelIntakeAppFactory app, HttpRequestMessage request)
    {
        using var client = app.CreateHttpClient();
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
