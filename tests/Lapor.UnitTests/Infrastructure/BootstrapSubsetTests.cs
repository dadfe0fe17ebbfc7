using System.Text.RegularExpressions;
using Lapor.UnitTests.Support;

namespace Lapor.UnitTests.Infrastructure;

/// <summary>
/// The pages load a subset of Bootstrap's CSS (tools/css-subset), a quarter of its size. Every Bootstrap
/// class the views, the C# that writes class names and the scripts name must be in it, or a page would
/// silently lose its look: the subset is generated again after using a new one.
/// </summary>
public sealed partial class BootstrapSubsetTests
{
    [Fact]
    public void Subset_HasEveryBootstrapClassTheSourcesUse()
    {
        var wwwroot = Path.Combine(SourceTree.Web, "wwwroot");
        var subset = Classes(File.ReadAllText(Path.Combine(wwwroot, "css", "bootstrap.subset.css")));
        var sources = new[] { ("Features", "*.cshtml"), ("Features", "*.cs"), ("Infrastructure", "*.cs"), (Path.Combine("wwwroot", "js"), "*.js") }
            .SelectMany(s => Directory.EnumerateFiles(Path.Combine(SourceTree.Web, s.Item1), s.Item2, SearchOption.AllDirectories));
        var used = sources.SelectMany(file => Word().Matches(File.ReadAllText(file)).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);

        // A Bootstrap selector whose classes the sources all name (".btn-primary", ".navbar-expand-xl .navbar-nav") must keep its classes.
        var bootstrap = Comment().Replace(File.ReadAllText(Path.Combine(wwwroot, "lib", "bootstrap", "dist", "css", "bootstrap.min.css")), "");
        var missing = SelectorList().Matches(bootstrap)
            .SelectMany(list => list.Groups[1].Value.Split(','))
            .Select(selector => ClassSelector().Matches(selector).Select(m => m.Groups[1].Value).ToList())
            .Where(classes => classes.Count > 0 && classes.All(used.Contains))
            .SelectMany(classes => classes)
            .Where(c => !subset.Contains(c))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0, $"Not in wwwroot/css/bootstrap.subset.css: {string.Join(", ", missing)}. Run: cd tools/css-subset && npm ci && npm run build");
    }

    [Fact]
    public void Pages_LoadTheSubset_NotTheWholeOfBootstrap()
    {
        var views = Directory.EnumerateFiles(Path.Combine(SourceTree.Web, "Features"), "*.cshtml", SearchOption.AllDirectories).ToList();

        Assert.DoesNotContain(views, v => File.ReadAllText(v).Contains("bootstrap.min.css", StringComparison.Ordinal));
        Assert.Contains(views, v => v.EndsWith("_Layout.cshtml", StringComparison.Ordinal) && File.ReadAllText(v).Contains("~/css/bootstrap.subset.css", StringComparison.Ordinal));
    }

    private static HashSet<string> Classes(string css) =>
        ClassSelector().Matches(Comment().Replace(css, "")).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    /// <summary>A class in a selector: a dot and a name (not a number such as "0.5rem" or ".25em").</summary>
    [GeneratedRegex(@"(?<![0-9])\.(-?[A-Za-z_][A-Za-z0-9_-]*)")]
    private static partial Regex ClassSelector();

    /// <summary>The selectors before a rule's block.</summary>
    [GeneratedRegex(@"([^{}]+)\{")]
    private static partial Regex SelectorList();

    [GeneratedRegex(@"[A-Za-z0-9_-]+")]
    private static partial Regex Word();
}
