using System.Globalization;
using Lapor.Web;
using Lapor.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lapor.UnitTests.Support;

/// <summary>The app's real resource files, read through the real localizers, in a chosen culture.</summary>
public static class Localizer
{
    /// <summary>The shared texts only (what infrastructure and Features/Shared read).</summary>
    public static IStringLocalizer<SharedResource> Create(string culture = "id") => new StringLocalizer<SharedResource>(Factory(culture));

    /// <summary>A feature area's texts: its own file, then the shared one, as the app resolves them.</summary>
    public static IStringLocalizer<TArea> Create<TArea>(string culture = "id") => new AreaLocalizer<TArea>(Factory(culture));

    /// <summary>The resource files as the app reads them (each text remembered once read, <see cref="CachedTextsFactory"/>).</summary>
    public static CachedTextsFactory Factory(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        return new CachedTextsFactory(ResourceFiles());
    }

    /// <summary>The resource files read through ASP.NET Core's own localizers, nothing remembered.</summary>
    public static ResourceManagerStringLocalizerFactory ResourceFiles() =>
        new(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
}
