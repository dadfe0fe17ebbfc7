using System.Globalization;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Operations.Generation;

/// <summary>
/// Near-duplicate clusters for measuring the similar-reports suggestions (issue 21): now and then a
/// report about a particular spot (a street, a landmark, a neighbourhood unit) is followed within days
/// by one to three reports of the same problem there by other citizens, in other words and sometimes
/// with a point a few dozen metres off. Six in ten of those repeats are already archived as duplicates
/// of the first (<see cref="Report.DuplicateOfReportId"/>): the ground truth that the measurement
/// (<c>triage-eval --duplicates</c>) reads back from the data. The same streets carry the generator's
/// ordinary reports too, and other clusters, so a street name alone does not give the answer away.
/// </summary>
public sealed partial class SyntheticDuplicates
{
    /// <summary>Share of reports that start a cluster.</summary>
    public const double ClusterShare = 0.02;

    /// <summary>Share of the repeats already archived as duplicates (the rest wait at verification or were routed anyway).</summary>
    public const double ArchivedShare = 0.6;

    private readonly Random _random;
    private readonly DeadlineSchedule _schedule;
    private readonly DateTimeOffset _now;
    private readonly Actor _coordinator;
    private readonly List<(int CategoryId, string Name, List<int> Agencies)> _categories;
    private readonly List<Repeat> _pending = [];
    private readonly TrackingNumbers _trackingNumbers;
    private Cluster? _justStarted;

    /// <summary>A spot with a problem: the first report's id once stored, its wordings (taken in turn), its place, point and agency.</summary>
    private sealed class Cluster
    {
        public long OriginalId { get; set; }
        public required int CategoryId { get; init; }
        public required int AgencyId { get; init; }
        public required (string Title, string Body)[] Wordings { get; init; }
        public required string Street { get; init; }
        public required string Landmark { get; init; }
        public required int Rt { get; init; }
        public (decimal Latitude, decimal Longitude)? Point { get; init; }

        /// <summary>Reports of it filed so far: the next one takes the next wording.</summary>
        public int Filed { get; set; }
    }

    private sealed record Repeat(Cluster Cluster, DateTimeOffset Due);

    public SyntheticDuplicates(Random random, SyntheticProvince province, IReadOnlyDictionary<int, string> categoryNames, DeadlineSchedule schedule, DateTimeOffset now, TrackingNumbers trackingNumbers)
    {
        _random = random;
        _trackingNumbers = trackingNumbers;
        _schedule = schedule;
        _now = now;
        _coordinator = new Actor(province.CoordinatorId, ActorRole.Coordinator);
        _categories = [.. province.CategoryOpds
            .Where(c => Problems.ContainsKey(categoryNames[c.CategoryId]))
            .Select(c => (c.CategoryId, Name: categoryNames[c.CategoryId],
                Agencies: province.WorkingAgencies.Where(a => a.ShortCode.EndsWith("-" + c.Opd, StringComparison.Ordinal)).Select(a => a.Id).ToList()))
            .Where(c => c.Agencies.Count > 0)];
    }

    /// <summary>
    /// A planted report filed at <paramref name="submittedAt"/>: a repeat whose day has come, or (now
    /// and then) the first report of a new cluster; null when the generator's ordinary report is next.
    /// </summary>
    public (Report Report, ReporterIdentity? Identity)? Next(DateTimeOffset submittedAt)
    {
        _justStarted = null;
        var due = _pending.FindIndex(r => r.Due <= submittedAt && r.Cluster.OriginalId > 0);
        if (due >= 0)
        {
            var repeat = _pending[due];
            _pending.RemoveAt(due);
            return Again(repeat.Cluster, submittedAt);
        }

        return _categories.Count > 0 && _random.NextDouble() < ClusterShare ? Start(submittedAt) : null;
    }

    /// <summary>Called with each stored report's id: a cluster's repeats can only point to its first report once it has one.</summary>
    public void Stored(long id)
    {
        if (_justStarted is { } cluster)
        {
            cluster.OriginalId = id;
            _justStarted = null;
        }
    }

    /// <summary>The first report about a new spot's problem, its repeats planned, and how far staff have handled it.</summary>
    private (Report, ReporterIdentity?) Start(DateTimeOffset submittedAt)
    {
        var (categoryId, name, agencies) = _categories[_random.Next(_categories.Count)];
        var problems = Problems[name];
        var wordings = problems[_random.Next(problems.Length)];
        var cluster = new Cluster
        {
            CategoryId = categoryId,
            AgencyId = agencies[_random.Next(agencies.Count)],
            Wordings = [.. wordings.OrderBy(_ => _random.Next())],
            Street = Streets[_random.Next(Streets.Length)],
            Landmark = Landmarks[_random.Next(Landmarks.Length)],
            Rt = _random.Next(1, 16),
            Point = PointInProvince(),
        };
        var report = File(cluster, submittedAt, cluster.Point);
        _justStarted = cluster;
        PlanRepeats(cluster, submittedAt);
        VerifyAndAnswer(report, cluster, submittedAt);
        return (report, Identity(report));
    }

    /// <summary>Six spots in ten get a point, somewhere in a province-sized box (about 200 by 200 km).</summary>
    private (decimal Latitude, decimal Longitude)? PointInProvince() =>
        _random.NextDouble() < 0.6 ? ((decimal)Math.Round(-7.8 + (_random.NextDouble() * 1.8), 6), (decimal)Math.Round(106.5 + (_random.NextDouble() * 1.8), 6)) : null;

    /// <summary>One to three neighbours report it again within ten days.</summary>
    private void PlanRepeats(Cluster cluster, DateTimeOffset submittedAt)
    {
        var repeats = 1 + _random.Next(3);
        for (var i = 0; i < repeats; i++)
        {
            _pending.Add(new Repeat(cluster, submittedAt.AddHours(12 + (_random.NextDouble() * 24 * 10))));
        }
    }

    /// <summary>Most first reports are verified and routed within a day or two, and some answered; the rest still wait.</summary>
    private void VerifyAndAnswer(Report report, Cluster cluster, DateTimeOffset submittedAt)
    {
        var verifiedAt = submittedAt.AddHours(4 + (_random.NextDouble() * 40));
        if (_random.NextDouble() < 0.75 && verifiedAt <= _now)
        {
            report.Verify(_coordinator, [cluster.AgencyId], ComplaintKind.Ordinary, null, null, _schedule, verifiedAt);
            var answeredAt = verifiedAt.AddHours(6 + (_random.NextDouble() * 48));
            if (_random.NextDouble() < 0.6 && answeredAt <= _now)
            {
                report.Respond(new Actor(null, ActorRole.Officer) { Agencies = [cluster.AgencyId] },
                    "Terima kasih, tim kami akan meninjau lokasi.", MessageVisibility.Public, _schedule, answeredAt);
            }
        }
    }

    /// <summary>Another citizen reports the spot's problem again: archived as a duplicate of the first, routed anyway, or still waiting.</summary>
    private (Report, ReporterIdentity?) Again(Cluster cluster, DateTimeOffset submittedAt)
    {
        // Half of the repeats set a point too: a few dozen metres from the first, as phones place it.
        (decimal, decimal)? point = cluster.Point is { } p && _random.NextDouble() < 0.5
            ? (p.Latitude + (decimal)Math.Round((_random.NextDouble() - 0.5) * 0.002, 6), p.Longitude + (decimal)Math.Round((_random.NextDouble() - 0.5) * 0.002, 6))
            : null;
        var report = File(cluster, submittedAt, point);
        var decidedAt = submittedAt.AddHours(2 + (_random.NextDouble() * 30));
        if (decidedAt <= _now)
        {
            if (_random.NextDouble() < ArchivedShare)
            {
                report.Archive(_coordinator, ArchiveReason.Duplicate, "Laporan ini sama dengan laporan yang sudah kami terima; penanganannya mengikuti laporan tersebut.",
                    cluster.OriginalId, decidedAt);
            }
            else if (_random.NextDouble() < 0.5)
            {
                // Not recognised as a repeat: routed like any other report.
                report.Verify(_coordinator, [cluster.AgencyId], ComplaintKind.Ordinary, null, null, _schedule, decidedAt);
            }
        }

        return (report, Identity(report));
    }

    /// <summary>The report as this reporter words it: one of the problem's wordings, the place in their own way.</summary>
    private Report File(Cluster cluster, DateTimeOffset submittedAt, (decimal Latitude, decimal Longitude)? point)
    {
        var (title, body) = cluster.Wordings[cluster.Filed++ % cluster.Wordings.Length];
        var place = _random.Next(4) switch
        {
            0 => $"Jl. {cluster.Street} RT {cluster.Rt:00}",
            1 => $"Jalan {cluster.Street} dekat {cluster.Landmark}",
            2 => $"depan {cluster.Landmark} Jl. {cluster.Street}",
            _ => $"Jl. {cluster.Street}, sebelah {cluster.Landmark}",
        };
        var location = _random.Next(3) switch
        {
            0 => $"Jl. {cluster.Street} RT {cluster.Rt:00}",
            1 => $"{cluster.Landmark}, Jl. {cluster.Street}",
            _ => $"Jalan {cluster.Street}",
        };
        var channel = _random.Next(4) switch { 0 => Channel.WhatsApp, 1 => Channel.Sms, _ => Channel.Web };
        var draft = new ReportDraft(
            Classification.Complaint, string.Format(CultureInfo.InvariantCulture, title, place), string.Format(CultureInfo.InvariantCulture, body, place),
            DateOnly.FromDateTime(submittedAt.AddDays(-_random.Next(0, 5)).Date), location, point?.Latitude, point?.Longitude, cluster.CategoryId,
            _random.NextDouble() < 0.5 ? cluster.AgencyId : null, _random.NextDouble() < 0.1, false);
        var report = Report.Submit(draft, channel == Channel.Web ? Actor.Guest : _coordinator, channel, Guid.NewGuid(), null, _schedule, submittedAt);
        _trackingNumbers.Claim(report);

        return report;
    }

    /// <summary>Each report of a cluster comes from another citizen (an anonymous one leaves no identity).</summary>
    private ReporterIdentity? Identity(Report report) => report.IsAnonymous ? null
        : new ReporterIdentity(report, $"Warga {_random.Next(1, 99_999)}", $"warga{_random.Next(1, 999_999)}@contoh.id", null);
}
