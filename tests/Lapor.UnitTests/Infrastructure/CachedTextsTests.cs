using System.Globalization;
using Lapor.UnitTests.Support;
using Lapor.Web;
using Lapor.Web.Features.StaffWork;
using Lapor.Web.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Lapor.UnitTests.Infrastructure;

/// <summary>Texts remembered once read give what the resource files' own localizers give, in each language (issue 22).</summary>
public sealed class CachedTextsTests
{
    [Theory]
    [InlineData("id", "Common.Never")]
    [InlineData("en", "Common.Never")]
    [InlineData("id", "No.Such.Text")]
    [InlineData("en", "No.Such.Text")]
    public void AText_IsTheResourceFilesOwn(string culture, string name)
    {
        var cached = Localizer.Factory(culture).Create(typeof(SharedResource));
        var files = Localizer.ResourceFiles().Create(typeof(SharedResource));

        // Twice: the first read fills the memory, the second comes from it.
        foreach (var _ in new[] { 1, 2 })
        {
            AssertSame(files[name], cached[name]);
        }
    }

    [Theory]
    [InlineData("id", "Validation.Required")]
    [InlineData("en", "Validation.Required")]
    [InlineData("id", "No.Such.Text {0}")]
    public void AFormattedText_IsTheResourceFilesOwn(string culture, string name)
    {
        var cached = Localizer.Factory(culture).Create(typeof(SharedResource));
        var files = Localizer.ResourceFiles().Create(typeof(SharedResource));

        foreach (var _ in new[] { 1, 2 })
        {
            AssertSame(files[name, "Judul"], cached[name, "Judul"]);
        }
    }

    [Fact]
    public void OneLocalizer_AnswersInTheLanguageOfEachRequest()
    {
        var texts = Localizer.Create<StaffWorkResource>("id");
        Assert.Equal("Belum pernah", texts["Common.Never"]);
        Assert.Equal("Centang LPR-1", texts["Inbox.Bulk.Tick", "LPR-1"]);

        CultureInfo.CurrentUICulture = new CultureInfo("en");
        Assert.Equal("Never", texts["Common.Never"]);
        Assert.Equal("Tick LPR-1", texts["Inbox.Bulk.Tick", "LPR-1"]);

        CultureInfo.CurrentUICulture = new CultureInfo("id");
        Assert.Equal("Belum pernah", texts["Common.Never"]);
    }

    [Fact]
    public void TheFactory_GivesOneLocalizerPerResourceFile()
    {
        var factory = Localizer.Factory("id");

        Assert.Same(factory.Create(typeof(SharedResource)), factory.Create(typeof(SharedResource)));
        Assert.NotSame(factory.Create(typeof(SharedResource)), factory.Create(typeof(StaffWorkResource)));
        Assert.IsType<CachedTexts>(factory.Create(typeof(SharedResource)));
    }

    private static void AssertSame(LocalizedString expected, LocalizedString actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.ResourceNotFound, actual.ResourceNotFound);
    }
}
