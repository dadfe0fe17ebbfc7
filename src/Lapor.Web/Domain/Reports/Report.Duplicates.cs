namespace Lapor.Web.Domain.Reports;

/// <summary>
/// "Duplikat dari": the coordinator archives a report as the same problem as an earlier one. The
/// reporter is told where to follow the original, the supporters go over to it, and both histories
/// say what happened.
/// </summary>
public sealed partial class Report
{
    /// <summary>How far a chain of duplicates is followed to its original (older data may hold chains).</summary>
    public const int MaxDuplicateChain = 5;

    /// <summary>
    /// Archives this report as a duplicate of <paramref name="original"/> (already resolved to the end of
    /// any chain, see <see cref="OriginalOf"/>). The reporter reads <paramref name="typedMessage"/> when the
    /// coordinator wrote one, else <paramref name="standardMessage"/>; their notice names the original itself,
    /// so only a typed message goes into it. The
    /// <paramref name="supportersMoved"/> supporters of this report that the original did not have yet
    /// count for the original from now on; this one keeps none.
    /// </summary>
    public void ArchiveAsDuplicate(
        Actor actor, Report original, string? typedMessage, string standardMessage, int supportersMoved, string originalNote, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(supportersMoved);
        if (ReferenceEquals(original, this) || (Id != 0 && original.Id == Id))
        {
            throw new DomainException("Duplicate.Self");
        }

        if (original.ArchiveReason == Reports.ArchiveReason.Duplicate || (Id != 0 && original.DuplicateOfReportId == Id))
        {
            throw new DomainException("Duplicate.OfDuplicate");
        }

        var target = Guard(RoutingAction.Archive);
        ArchiveReason = Reports.ArchiveReason.Duplicate;
        DuplicateOfReportId = original.Id;
        SupportCount = 0;
        var typed = string.IsNullOrWhiteSpace(typedMessage) ? null : typedMessage.Trim();
        AddMessage(actor, null, MessageKind.ArchiveNotice, MessageVisibility.ReporterOnly, typed ?? standardMessage, now);
        Record(actor, RoutingAction.Archive, target, now, Reports.ArchiveReason.Duplicate.ToString());
        Raise(new ReportEvent(ReportEventKind.Archived, actor, now)
        {
            ArchiveReason = Reports.ArchiveReason.Duplicate,
            Reason = typed,
            DuplicateOf = original.TrackingNumber,
            DuplicateOfIsPublic = original.IsPublic,
        });

        // The original's history says which report was folded into it (a note: staff only, allowed in every status).
        original.SupportCount += supportersMoved;
        original.AddNote(actor, originalNote, now);
    }

    /// <summary>
    /// The report a duplicate should point to, given the one chosen and the chain of originals behind it
    /// (<paramref name="originalOf"/>: a report's own original when it is archived as a duplicate, else
    /// null). Throws when the chain leads back to <paramref name="selfId"/> or is longer than
    /// <see cref="MaxDuplicateChain"/>.
    /// </summary>
    public static long OriginalOf(long selfId, long chosenId, Func<long, long?> originalOf)
    {
        var id = chosenId;
        for (var hop = 0; hop <= MaxDuplicateChain; hop++)
        {
            if (id == selfId)
            {
                throw new DomainException(hop == 0 ? "Duplicate.Self" : "Duplicate.Cycle");
            }

            if (originalOf(id) is not { } next)
            {
                return id;
            }

            id = next;
        }

        throw new DomainException("Duplicate.Cycle");
    }
}
