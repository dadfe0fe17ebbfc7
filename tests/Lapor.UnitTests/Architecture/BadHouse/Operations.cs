using Lapor.UnitTests.Architecture.BadHouse.Data;
using Lapor.UnitTests.Architecture.BadHouse.Features.Citizen;
using Lapor.UnitTests.Architecture.BadHouse.Features.StaffWork;

namespace Lapor.UnitTests.Architecture.BadHouse.Operations;

/// <summary>Good: the tools may use anything.</summary>
public static class DemoSeed
{
    public static int Planted() => new Tracking().Page(new Filing(), new()) + new Store().GetHashCode() + typeof(LeakyController).Name.Length;
}
