namespace Lapor.Web.Features.Templates;

public static class TemplatesFeature
{
    /// <summary>Response templates an agency's officers reuse in their answers.</summary>
    public static IServiceCollection AddTemplatesFeature(this IServiceCollection services) => services.AddScoped<ResponseTemplates>();
}
