
namespace Lapor.Web.Domain.Accounts;

/// <summary>The Identity role names of DESIGN §1.</summary>
public static class Roles
{
    public const string Citizen = nameof(Citizen);
    public const string Officer = nameof(Officer);
    public const string AgencyHead = nameof(AgencyHead);
    public const string Coordinator = nameof(Coordinator);
    public const string Oversight = nameof(Oversight);
    public const string Administrator = nameof(Administrator);

    /// <summary>
    /// "Operator desa/kelurahan": files reports for residents who come in person at a village, kelurahan or
    /// kecamatan service point, and follows those reports only. Not staff: no inbox, no other report.
    /// </summary>
    public const string VillageOperator = nameof(VillageOperator);

    public static IReadOnlyList<string> All { get; } = [Citizen, Officer, AgencyHead, Coordinator, Oversight, Administrator, VillageOperator];
}
