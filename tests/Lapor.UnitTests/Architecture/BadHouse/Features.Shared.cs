using Lapor.UnitTests.Architecture.BadHouse.Features.Citizen;

namespace Lapor.UnitTests.Architecture.BadHouse.Features.Shared;

/// <summary>Good: shared by the areas, uses none of them.</summary>
public static class Paging
{
    public static int Size { get; } = 20;
}

/// <summary>Bad: Features.Shared reaching into an area, in a method body only.</summary>
public sealed class Badge
{
    public static string Label() => new Filing().ToString() ?? "";
}
