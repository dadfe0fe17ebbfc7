using Microsoft.AspNetCore.Hosting;

namespace Lapor.TestSupport;

/// <summary>
/// The app on real Kestrel on a loopback port, for what the in-memory test server leaves out: request body size
/// limits, for one. Plain HTTP, so its cookies are not Secure (as in the browser tests).
/// </summary>
public sealed class KestrelAppFactory : LaporAppFactory
{
    public KestrelAppFactory()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>A plain client (no cookies, no redirects followed) for the server's address.</summary>
    public HttpClient CreateHttpClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = ClientOptions.BaseAddress };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:SecureCookies", "false");
    }
}
