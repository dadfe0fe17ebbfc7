
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

    public static IReadOnlyList<string> All { get; } = [Citizen, Officer, AgencyHead, Coordinator, Oversight, Administrator];
}
