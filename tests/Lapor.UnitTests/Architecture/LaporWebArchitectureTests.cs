using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Architecture;

/// <summary>The layer rules of docs/architecture.md on Lapor.Web.dll as built (views included).</summary>
public sealed class LaporWebArchitectureTests
{
    // Only Lapor.Web.dll is read, so the BadHouse fixtures in this test assembly are never seen here.
    private static readonly Lazy<LayerRules> _rules = new(() => new LayerRules(Modules.Read(typeof(Report).Assembly), "Lapor.Web"));

    [Fact]
    public void Checker_SeesTheApp()
    {
        // Guards against rules passing because they looked at nothing.
        Assert.Contains(_rules.Value.Types, t => t.FullName == typeof(Report).FullName);
        Assert.NotEmpty(_rules.Value.Controllers);
        Assert.NotEmpty(_rules.Value.Views);
    }

    [Fact]
    public void Controllers_DoNotUseTheDbContext() =>
        Modules.AssertNone(_rules.Value.ControllersUsingDbContext(), "Controllers using LaporDbContext; move the query into a handler");

    [Fact]
    public void FeatureAreas_DoNotUseOtherAreas() =>
        Modules.AssertNone(_rules.Value.AreasUsingOtherAreas(), "Feature areas (or Features.Shared) using another area; move what they share to Features.Shared");

    [Fact]
    public void Data_UsesOnlyTheDomain() =>
        Modules.AssertNone(_rules.Value.DataUsingOuterLayers(), "Data using Infrastructure, Features or Operations");

    [Fact]
    public void Domain_UsesOnlyTheBcl() =>
        Modules.AssertNone(_rules.Value.DomainUsingMoreThanTheBcl(), "Domain using more than itself and System.*");

    [Fact]
    public void Infrastructure_DoesNotUseFeaturesOrOperations() =>
        Modules.AssertNone(_rules.Value.InfrastructureUsingFeaturesOrOperations(), "Infrastructure using Features or Operations");
}
