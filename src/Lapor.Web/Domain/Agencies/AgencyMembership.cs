namespace Lapor.Web.Domain.Agencies;

/// <summary>A user's place in an agency: officers work its inbox, coordinators and oversight its subtree.</summary>
public sealed class AgencyMembership
{
    private AgencyMembership() { }

    public AgencyMembership(string userId, int agencyId)
    {
        UserId = userId;
        AgencyId = agencyId;
    }

    public string UserId { get; private set; } = "";
    public int AgencyId { get; private set; }
}
