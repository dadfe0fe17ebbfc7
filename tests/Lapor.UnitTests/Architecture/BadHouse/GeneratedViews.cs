using Lapor.UnitTests.Architecture.BadHouse.Features.Oversight;
using Lapor.UnitTests.Architecture.BadHouse.Features.Shared;

// Stand-ins for compiled Razor views, named the way Razor names them after their path.
namespace AspNetCoreGeneratedDocument;

/// <summary>Bad: like Features/Citizen/Filing/BadHouseLeak.cshtml showing the Oversight area's data.</summary>
internal sealed class Features_Citizen_Filing_BadHouseLeak
{
    public static int Render() => AuditLog.Count();
}

/// <summary>Good: like Features/Shared/_BadHousePager.cshtml using what is shared.</summary>
internal sealed class Features_Shared__BadHousePager
{
    public static int Render() => Paging.Size;
}
