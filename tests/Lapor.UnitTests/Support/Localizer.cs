using System.Globalization;
using Lapor.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lapor.UnitTests.Support;

/// <summary>The app's real resource files, read through the real localizer, in a chosen culture.</summary>
public static class Localizer
{
    public static IStringLocalizer<SharedResource> Create(string culture = "id")
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new StringLocalizer<SharedResource>(factory);
    }
}
