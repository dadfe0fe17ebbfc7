using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Localization;

/// <summary>
/// The resource files' localizers, each text looked up once per language: the files do not change while the portal
/// runs, and <see cref="System.Resources.ResourceManager"/> takes a lock and walks the language's parents on every
/// call (an area's shared names miss its own file first, twice the walk). A page asks for a hundred texts; the look-ups
/// were a tenth of a signed-in page's CPU (bench/README.md, issue 22).
/// </summary>
public sealed class CachedTextsFactory(ResourceManagerStringLocalizerFactory resources) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<(Type? Type, string? BaseName, string? Location), IStringLocalizer> _localizers = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _localizers.GetOrAdd((resourceSource, null, null), static (key, factory) => new CachedTexts(factory.Create(key.Type!)), resources);

    public IStringLocalizer Create(string baseName, string location) =>
        _localizers.GetOrAdd((null, baseName, location), static (key, factory) => new CachedTexts(factory.Create(key.BaseName!, key.Location!)), resources);
}

/// <summary>One resource file's texts, remembered by language and name as they are first asked for.</summary>
public sealed class CachedTexts(IStringLocalizer resources) : IStringLocalizer
{
    /// <summary>Names come from code (some built from enum values), so the set is small; past this, a name is read but not kept.</summary>
    private const int MaxRemembered = 20_000;

    private readonly ConcurrentDictionary<(string Language, string Name), LocalizedString> _texts = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_texts.TryGetValue(key, out var text))
            {
                return text;
            }

            text = resources[name];
            if (_texts.Count < MaxRemembered)
            {
                _texts.TryAdd(key, text);
            }

            return text;
        }
    }

    /// <summary>Formatted as <see cref="ResourceManagerStringLocalizer"/> does: with the current culture, the name itself when there is no text.</summary>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);
}
