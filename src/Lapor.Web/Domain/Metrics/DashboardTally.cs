namespace Lapor.Web.Domain.Metrics;

/// <summary>What one <see cref="DashboardTally"/> row counts.</summary>
public enum TallyMeasure
{
    /// <summary>Reports filed in the month by status; <see cref="DashboardTally.Bucket"/> is the <see cref="Reports.ReportStatus"/> number.</summary>
    Status,

    /// <summary>Reports that reached an agency (dispositioned, in progress, completed) and got a first response.</summary>
    FollowedUp,

    /// <summary>Verification times: <see cref="DashboardTally.Bucket"/> working days, with how many were on time.</summary>
    Verification,

    /// <summary>Final responses the reporters accepted (a sum of <c>TimesAccepted</c>).</summary>
    Accepted,

    /// <summary>Final responses the reporters rejected (a sum of <c>TimesRejected</c>).</summary>
    Rejected,

    /// <summary>Reports the reporter rated.</summary>
    Rated,

    /// <summary>Their stars, summed.</summary>
    Stars,

    /// <summary>Reports completed in the month (the local day of completion, whenever they were filed): the trend.</summary>
    CompletedIn,

    /// <summary>One agency's counted assignments (not returned, forwarded or withdrawn).</summary>
    Assigned,

    /// <summary>Final responses of one agency the coordinators refused, summed.</summary>
    Refusals,

    /// <summary>One agency's first-response times: <see cref="DashboardTally.Bucket"/> working days, with how many were on time.</summary>
    FirstResponse,

    /// <summary>One agency's completion times: <see cref="DashboardTally.Bucket"/> working days, with how many were on time.</summary>
    Completion,
}

/// <summary>
/// One cell of the dashboard's tally: a count (and how many of it were on time) for a filing month,
/// a measure, an agency (0 for figures of the report as a whole) and a bucket (working days or a status).
/// Kept in the same transaction as every change to reports and assignments (<see cref="TallyChanges"/>),
/// so a year's figures read a few thousand rows instead of a year of reports.
/// </summary>
public sealed class DashboardTally
{
    public DashboardTally(DateOnly month, TallyMeasure measure, int agencyId, int bucket, long count, long onTime)
    {
        (Month, Measure, AgencyId, Bucket, Count, OnTime) = (month, measure, agencyId, bucket, count, onTime);
    }

    /// <summary>The first day of the month: of filing, or of completion for <see cref="TallyMeasure.CompletedIn"/>.</summary>
    public DateOnly Month { get; private set; }

    public TallyMeasure Measure { get; private set; }

    public int AgencyId { get; private set; }

    public int Bucket { get; private set; }

    public long Count { get; private set; }

    public long OnTime { get; private set; }

    public TallyKey Key => new(Month, Measure, AgencyId, Bucket);
}

public readonly record struct TallyKey(DateOnly Month, TallyMeasure Measure, int AgencyId, int Bucket);
