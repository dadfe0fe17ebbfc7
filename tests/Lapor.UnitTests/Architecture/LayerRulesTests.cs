namespace Lapor.UnitTests.Architecture;

/// <summary>
/// Runs the same <see cref="LayerRules"/> over BadHouse, fixtures in this assembly that break each rule
/// on purpose (and a few good neighbours), so a rule that stops seeing what it is for fails here.
/// </summary>
public sealed class LayerRulesTests
{
    private const string Root = "Lapor.UnitTests.Architecture.BadHouse";
    private static readonly Lazy<LayerRules> _rules = new(() => new LayerRules(Modules.Read(typeof(LayerRulesTests).Assembly), Root));

    [Fact]
    public void ControllerResolvingTheContextInsideAnAsyncBody_IsCaught()
    {
        var offenders = _rules.Value.ControllersUsingDbContext();

        Assert.Equal(
            [
                $"{Root}.Features.StaffWork.LeakyController uses Lapor.Web.Data.LaporDbContext",
                $"{Root}.Features.StaffWork.LeakyController uses Lapor.Web.Data.SqliteLaporDbContext",
            ],
            offenders);
    }

    [Fact]
    public void AreaUsingAnotherArea_IsCaught_InClassesAndViews()
    {
        var offenders = _rules.Value.AreasUsingOtherAreas();

        Assert.Equal(
            [
                $"AspNetCoreGeneratedDocument.Features_Citizen_Filing_BadHouseLeak uses {Root}.Features.Oversight.AuditLog",
                $"{Root}.Features.Citizen.Filing uses {Root}.Features.Oversight.AuditLog",
                $"{Root}.Features.Shared.Badge uses {Root}.Features.Citizen.Filing",
            ],
            offenders);
    }

    [Fact]
    public void DataUsingInfrastructure_IsCaught() =>
        Assert.Equal([$"{Root}.Data.Store uses {Root}.Infrastructure.Mailer"], _rules.Value.DataUsingOuterLayers());

    [Fact]
    public void DomainUsingAFeatureOrAspNetCore_IsCaught() =>
        Assert.Equal(
            [
                $"{Root}.Domain.Ticket uses {Root}.Features.Citizen.Filing",
                $"{Root}.Domain.Ticket uses Microsoft.AspNetCore.Http.PathString",
            ],
            _rules.Value.DomainUsingMoreThanTheBcl());

    [Fact]
    public void InfrastructureUsingFeaturesOrOperations_IsCaught() =>
        Assert.Equal(
            [
                $"{Root}.Infrastructure.Mailer uses {Root}.Features.Oversight.AuditLog",
                $"{Root}.Infrastructure.Mailer uses {Root}.Operations.DemoSeed",
            ],
            _rules.Value.InfrastructureUsingFeaturesOrOperations());

    [Fact]
    public void GoodNeighbours_AreNotFlagged()
    {
        var rules = _rules.Value;
        string[] offenders = [.. rules.ControllersUsingDbContext(), .. rules.AreasUsingOtherAreas(), .. rules.DataUsingOuterLayers(), .. rules.DomainUsingMoreThanTheBcl(), .. rules.InfrastructureUsingFeaturesOrOperations()];

        // Tracking uses Shared, Domain, Data, Infrastructure and its own area; SteeringController goes
        // through a handler; the pager view uses Shared; Operations may use anything.
        string[] good = [$"{Root}.Features.Citizen.Tracking ", $"{Root}.Features.StaffWork.SteeringController ", "AspNetCoreGeneratedDocument.Features_Shared__BadHousePager ", $"{Root}.Operations."];
        Assert.DoesNotContain(offenders, o => good.Any(g => o.StartsWith(g, StringComparison.Ordinal)));
        Assert.Contains(rules.Types, t => t.FullName == $"{Root}.Operations.DemoSeed");
        Assert.Contains(rules.Controllers, t => t.Name == "SteeringController");
    }
}
