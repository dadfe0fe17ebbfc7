using Microsoft.AspNetCore.Hosting;

namespace Lapor.TestSupport;

/// <summary>The app with the shipped rate limits and the second factor required for coordinators and administrators, at a public HTTPS address.</summary>
public sealed class ProductionSecurityAppFactory : LaporAppFactory
{
    public const string PublicBaseUrl = "https://lapor.kab-uji.go.id";

    protected override bool ProductionSecurity => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PublicBaseUrl", PublicBaseUrl);
    }
}
