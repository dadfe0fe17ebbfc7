using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Localization;

public static class LaporLocalization
{
    public const string DefaultCulture = "id";
    public static readonly string[] SupportedCultures = [DefaultCulture, "en"];

    /// <summary>The request's language as one of <see cref="SupportedCultures"/>: what a person's mail is written in.</summary>
    public static string CurrentCulture =>
        SupportedCultures.Contains(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName : DefaultCulture;

    public static IServiceCollection AddLaporLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachedTextsFactory>());
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = SupportedCultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;

            // Indonesian first: only an explicit choice (query or cookie) switches a page's language, not the browser's header;
            // the API endpoints also read Accept-Language, as programs state their language there.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new ApiAcceptLanguageProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }
}
