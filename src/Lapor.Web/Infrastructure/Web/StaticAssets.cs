using Microsoft.AspNetCore.ResponseCompression;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>
/// What a first visit on a slow link downloads. Static files come from the build's asset manifest
/// (<c>MapStaticAssets</c>): fingerprinted names cached for a year as immutable, Brotli and gzip copies made when the
/// app is published. Pages are compressed per response.
/// </summary>
public static class StaticAssets
{
    /// <summary>Marks the static file endpoints, so per-user rules (no-store on personal pages) leave them alone.</summary>
    public sealed class Marker
    {
        public static readonly Marker Instance = new();

        private Marker()
        {
        }
    }

    /// <summary>
    /// Brotli or gzip for pages, JSON and anything else not compressed at build time.
    /// Over HTTPS too, which opens the door to BREACH only where a response reflects what an attacker sent next to a
    /// secret that stays the same from response to response. The one secret on every form page, the antiforgery
    /// request token, is encrypted afresh (new IV) for each response, so there is nothing stable to guess byte by byte;
    /// access codes appear once, on the page that creates them. See docs/security.md.
    /// </summary>
    public static IServiceCollection AddLaporCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/problem+json"]);
        });
        // Pages are small: the better ratio of Optimal costs well under a millisecond each.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// The app's files from the asset manifest, answered as soon as routing finds them (as the static file middleware
    /// did): no sign-in, two-factor, rate limit or culture work for a stylesheet. The security headers still apply.
    /// </summary>
    public static IEndpointConventionBuilder MapLaporStaticAssets(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapStaticAssets()
            .AllowAnonymous()
            .WithMetadata(Marker.Instance)
            .ShortCircuit();

    public static bool IsStaticAsset(this HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null;
}
