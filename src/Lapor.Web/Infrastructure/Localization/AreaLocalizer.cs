using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Localization;

/// <summary>
/// A feature area's texts: its own resource file first (Resources/Features/&lt;Area&gt;/&lt;Area&gt;Resource.resx),
/// then the shared one, so an area keeps its words to itself and still finds the shared ones (statuses,
/// channels, validation messages) without knowing which file holds them.
/// </summary>
public sealed class AreaLocalizer<TArea>(IStringLocalizerFactory factory) : IStringLocalizer<TArea>
{
    private readonly IStringLocalizer _texts = AreaTexts.Chain(factory.Create(typeof(TArea)), factory);

    public LocalizedString this[string name] => _texts[name];

    public LocalizedString this[string name, params object[] arguments] => _texts[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _texts.GetAllStrings(includeParentCultures);
}

public static class AreaTexts
{
    /// <summary>Lets the area's code and views ask for <c>IStringLocalizer&lt;TArea&gt;</c>.</summary>
    public static IServiceCollection AddAreaTexts<TArea>(this IServiceCollection services) =>
        services.AddSingleton<IStringLocalizer<TArea>, AreaLocalizer<TArea>>();

    /// <summary>
    /// The texts for a type by where it lives: a type in Lapor.Web.Features.&lt;Area&gt; reads that area's file,
    /// then the shared one (how [Display] names on an area's forms are found); any other type reads the shared file.
    /// </summary>
    public static IStringLocalizer For(Type type, IStringLocalizerFactory factory)
    {
        const string features = "Lapor.Web.Features.";
        var area = type.Namespace is { } ns && ns.StartsWith(features, StringComparison.Ordinal) ? ns[features.Length..].Split('.')[0] : null;
        var marker = area is null ? null : type.Assembly.GetType($"{features}{area}.{area}Resource");
        return marker is null ? factory.Create(typeof(SharedResource)) : Chain(factory.Create(marker), factory);
    }

    internal static IStringLocalizer Chain(IStringLocalizer own, IStringLocalizerFactory factory) => new Fallback(own, factory.Create(typeof(SharedResource)));

    private sealed class Fallback(IStringLocalizer own, IStringLocalizer shared) : IStringLocalizer
    {
        public LocalizedString this[string name] => own[name] is { ResourceNotFound: false } found ? found : shared[name];

        public LocalizedString this[string name, params object[] arguments] =>
            own[name, arguments] is { ResourceNotFound: false } found ? found : shared[name, arguments];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            own.GetAllStrings(includeParentCultures).Concat(shared.GetAllStrings(includeParentCultures));
    }
}
