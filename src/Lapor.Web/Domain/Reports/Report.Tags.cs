namespace Lapor.Web.Domain.Reports;

/// <summary>Tags: coordinators group reports by them; each change leaves a staff-only history line (the reason names the tag).</summary>
public sealed partial class Report
{
    private readonly List<ReportTag> _tags = [];

    public IReadOnlyCollection<ReportTag> Tags => _tags;

    /// <summary>Coordinator attaches a tag; attaching one the report has changes nothing.</summary>
    public void AttachTag(Actor actor, int tagId, string label, DateTimeOffset now)
    {
        var target = CoordinatorGuard(actor, RoutingAction.AttachTag);
        if (_tags.Any(t => t.TagId == tagId))
        {
            return;
        }

        _tags.Add(new ReportTag(tagId, now));
        Record(actor, RoutingAction.AttachTag, target, now, label);
    }

    /// <summary>Coordinator removes a tag; removing one the report does not have changes nothing.</summary>
    public void RemoveTag(Actor actor, int tagId, string label, DateTimeOffset now)
    {
        var target = CoordinatorGuard(actor, RoutingAction.RemoveTag);
        if (_tags.RemoveAll(t => t.TagId == tagId) == 0)
        {
            return;
        }

        Record(actor, RoutingAction.RemoveTag, target, now, label);
    }

    /// <summary>At filing: the tag of the theme the citizen chose (the filing is its history line).</summary>
    public void TagAtFiling(int tagId, DateTimeOffset now)
    {
        if (_tags.All(t => t.TagId != tagId))
        {
            _tags.Add(new ReportTag(tagId, now));
        }
    }

    private LifecycleTarget CoordinatorGuard(Actor actor, RoutingAction action)
    {
        var target = Guard(action);
        return actor.Role == ActorRole.Coordinator ? target : throw new DomainException("Lifecycle.NotAllowed");
    }
}
