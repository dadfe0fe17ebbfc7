using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Serilog;

namespace Lapor.Web.Infrastructure.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>MVC with feature folders, global antiforgery checks and localized labels.</summary>
    public static IServiceCollection AddLaporMvc(this IServiceCollection services)
    {
        // A phone photo (a few hundred KB) is read in memory instead of through a temporary file;
        // larger uploads still spill to disk.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MemoryBufferThreshold = 1024 * 1024);

        services.AddControllersWithViews(o =>
            {
                // MVC controllers do not check antiforgery tokens by themselves: do it for every unsafe request.
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<Security.RequestSizeGuard>(int.MinValue); // before antiforgery reads the body
                o.Filters.Add<DomainExceptionFilter>();
                o.Filters.Add<Security.AntiforgeryFailureFilter>();
                o.Filters.Add<InvalidBooleanInputFilter>();
                o.Conventions.Add(new HeadLikeGetConvention());

                // Validation messages come from FluentValidation only, not MVC's implicit [Required].
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = Localization.AreaTexts.For);

        services.Configure<RazorViewEngineOptions>(o =>
        {
            o.ViewLocationFormats.Clear();
            o.ViewLocationFormats.Add("{feature}/{0}.cshtml");
            o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            o.ViewLocationExpanders.Add(new FeatureViewLocations());
        });

        // The cookie's name and Secure flag come from SecurityOptions (see AddLaporSecurity).
        services.AddAntiforgery(o => o.FormFieldName = "__RequestVerificationToken");
        services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<LocalTime>();
        return services;
    }

    /// <summary>Serilog from configuration; request logs carry method, path, status and timing, never form data.</summary>
    public static IServiceCollection AddLaporLogging(this IServiceCollection services) =>
        services.AddSerilog(
            (provider, logger) => logger
                .ReadFrom.Configuration(provider.GetRequiredService<IConfiguration>())
                .ReadFrom.Services(provider)
                .Enrich.FromLogContext(),
            // Each host keeps its own logger instead of the process-wide static one (two hosts in one process stay apart).
            preserveStaticLogger: true);
}
