using System.Xml.Linq;

namespace Lapor.UnitTests.Infrastructure;

/// <summary>Indonesian and English resources stay in step: every key in one is in the other.</summary>
public sealed class ResourceFilesTests
{
    [Fact]
    public void SharedResource_IndonesianAndEnglish_HaveTheSameKeys()
    {
        var indonesian = Keys("SharedResource.resx");
        var english = Keys("SharedResource.en.resx");

        Assert.NotEmpty(indonesian);
        Assert.Empty(indonesian.Except(english));
        Assert.Empty(english.Except(indonesian));
    }

    private static HashSet<string> Keys(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lapor.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var path = Path.Combine(directory.FullName, "src", "Lapor.Web", "Resources", file);
        return XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
    }
}
