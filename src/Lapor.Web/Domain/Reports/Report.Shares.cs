namespace Lapor.Web.Domain.Reports;

/// <summary>Which agency's share of the report a step acts on, and who owns it ("ambil", handing it to a colleague).</summary>
public sealed partial class Report
{
    /// <summary>Agencies that may read the report: every one it was ever routed to (forwarding and withdrawal keep read access).</summary>
    public IEnumerable<int> AgenciesWithAccess() => _assignments.Select(a => a.AgencyId).Distinct();

    public IEnumerable<Assignment> OpenAssignments() => _assignments.Where(a => a.IsOpen);

    /// <summary>
    /// The share an officer acts on: the open one of one of their agencies. With
    /// <paramref name="stillAnswering"/>, one whose final response is not given yet.
    /// </summary>
    public Assignment ActingShare(Actor actor, bool stillAnswering = false)
    {
        var share = OpenAssignments().FirstOrDefault(a => actor.Agencies.Contains(a.AgencyId)) ?? throw new DomainException("Assignment.NotOpen");
        if (stillAnswering && share.State is AssignmentState.FinalResponded or AssignmentState.AwaitingValidation)
        {
            throw new DomainException("Lifecycle.NotAllowed");
        }

        // The first officer to act takes the share on, unless someone already has it ("ambil"): a colleague
        // answering while the owner is away does not take it from them.
        if (actor is { Role: ActorRole.Officer, UserId: { } officer } && share.OfficerUserId is null)
        {
            share.AssignOfficer(officer);
        }

        return share;
    }

    /// <summary>
    /// Gives an agency's open share an owner: the officer taking it ("ambil"), or a colleague it is handed
    /// to. <paramref name="actor"/> acts for the share's agency (an officer or the agency head); whether
    /// <paramref name="officerUserId"/> is an active officer there is the caller's check, against the accounts.
    /// The staff history names the new owner (<paramref name="officerName"/>); giving it to its owner again changes nothing.
    /// </summary>
    public void Entrust(Actor actor, string officerUserId, string officerName, DateTimeOffset now)
    {
        if (actor.Role is not (ActorRole.Officer or ActorRole.AgencyHead))
        {
            throw new DomainException("Lifecycle.NotAllowed");
        }

        var target = Guard(RoutingAction.Entrust);
        var share = OpenAssignments().FirstOrDefault(a => actor.Agencies.Contains(a.AgencyId)) ?? throw new DomainException("Assignment.NotOpen");
        if (share.OfficerUserId == officerUserId)
        {
            return;
        }

        share.AssignOfficer(officerUserId);
        Record(actor, RoutingAction.Entrust, target, now, officerName, share.AgencyId, share.AgencyId);
    }

    private int AgencyWithAccess(Actor actor) =>
        OpenAssignments().Select(a => a.AgencyId).FirstOrDefault(actor.Agencies.Contains) is var open and not 0
            ? open
            : AgenciesWithAccess().FirstOrDefault(actor.Agencies.Contains) is var earlier and not 0
                ? earlier
                : throw new DomainException("Assignment.NotOpen");

    private Assignment OpenShareOf(int agencyId) =>
        OpenAssignments().FirstOrDefault(a => a.AgencyId == agencyId) ?? throw new DomainException("Assignment.NotOpen");
}
