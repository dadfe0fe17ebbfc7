using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

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
    /// Brotli or gzip for public pages, JSON and anything else not compressed at build time, over HTTPS too.
    /// BREACH needs a response that reflects what an attacker sent next to a secret that stays the same from response to
    /// response. Public pages hold one secret, the antiforgery request token, encrypted afresh (new IV) for each
    /// response, so there is nothing stable to guess byte by byte. Personal responses (a signed-in user, an unlocked or
    /// just-filed report: <see cref="SecurityHeaders.IsPersonal"/>) hold names, addresses and phone numbers next to
    /// search boxes and filters that echo the address: those are sent uncompressed. See docs/security.md.
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
        services.AddSingleton<IResponseCompressionProvider, PublicResponsesOnly>();
        return services;
    }

    /// <summary>The framework's choice of encoding, except that a personal response is never compressed.</summary>
    internal sealed class PublicResponsesOnly(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider _framework = new(services, options);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _framework.GetCompressionProvider(context);

        public bool ShouldCompressResponse(HttpContext context) => !SecurityHeaders.IsPersonal(context) && _framework.ShouldCompressResponse(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => _framework.CheckRequestAcceptsCompression(context);
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
