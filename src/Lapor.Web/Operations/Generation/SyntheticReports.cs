using Lapor.Web.Domain.Agencies;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Operations.Generation;

/// <summary>
/// Builds one report at a time through the real domain methods, with a clock that moves on step by
/// step, so every status, routing history, deadline and message is one the portal itself could
/// have produced. Load is skewed (Zipf) across agencies and each agency has its own pace, so
/// completion and on-time rates differ between them. Steps later than "now" do not happen yet.
/// </summary>
public sealed class SyntheticReports
{
    private static readonly (Channel Channel, int Weight)[] Channels =
        [(Channel.Web, 55), (Channel.WhatsApp, 12), (Channel.Sms, 8), (Channel.SocialMedia, 8), (Channel.Api, 6), (Channel.Letter, 4), (Channel.Phone, 4), (Channel.WalkIn, 3)];

    private static readonly ArchiveReason[] ArchiveReasons = [ArchiveReason.Unclear, ArchiveReason.NotPublicService, ArchiveReason.Spam, ArchiveReason.Other];

    private readonly Random _random;
    private readonly SyntheticProvince _province;
    private readonly DeadlineSchedule _schedule;
    private readonly DateTimeOffset _now;
    private readonly double[] _cumulativeLoad;
    private readonly double[] _pace;
    private readonly Dictionary<string, List<int>> _categoriesByOpd;
    private readonly Dictionary<int, string> _categoryNames;
    private readonly TrackingNumbers _trackingNumbers;
    private readonly Actor _coordinator;
    private readonly SyntheticStories _stories;

    public SyntheticReports(
        Random random, SyntheticProvince province, IReadOnlyDictionary<int, string> categoryNames, DeadlineSchedule schedule, DateTimeOffset now, TrackingNumbers trackingNumbers)
    {
        _random = random;
        _province = province;
        _schedule = schedule;
        _now = now;
        _trackingNumbers = trackingNumbers;
        _coordinator = new Actor(province.CoordinatorId, ActorRole.Coordinator);
        _categoryNames = categoryNames.ToDictionary();
        _stories = new SyntheticStories(random, province, categoryNames);
        _categoriesByOpd = province.CategoryOpds.GroupBy(c => c.Opd).ToDictionary(g => g.Key, g => g.Select(c => c.CategoryId).ToList());

        // Zipf (s = 1) over the agencies: the busiest gets about 15% of 500 agencies' reports, the quietest a few dozen.
        var weights = Enumerable.Range(1, province.WorkingAgencies.Count).Select(rank => 1.0 / rank).ToArray();
        var total = weights.Sum();
        var running = 0.0;
        _cumulativeLoad = [.. weights.Select(w => running += w / total)];

        // Each agency's pace: 0.5 (twice as fast as typical) to 3 (three times slower).
        _pace = [.. province.WorkingAgencies.Select(_ => 0.5 + (2.5 * Math.Pow(random.NextDouble(), 2)))];
    }

    /// <summary>The report submitted at <paramref name="submittedAt"/>, taken as far through its life as time allows.</summary>
    public (Report Report, ReporterIdentity? Identity) Next(DateTimeOffset submittedAt)
    {
        var agencyIndex = PickAgency();
        var agency = _province.WorkingAgencies[agencyIndex];
        var pace = _pace[agencyIndex];
        var categoryId = PickCategory(agency);
        var story = _stories.Tell(agency, categoryId, _categoryNames[categoryId]);
        var channel = PickChannel();
        var anonymous = Chance(0.15);
        var draft = new ReportDraft(
            story.Classification, story.Title, story.Body,
            DateOnly.FromDateTime(submittedAt.AddDays(-_random.Next(1, 20)).Date), story.Location, null, null, story.FiledCategoryId,
            Chance(0.6) ? agency.Id : null, anonymous, Chance(0.03));

        var report = Report.Submit(draft, channel == Channel.Web ? Actor.Guest : _coordinator, channel, Guid.NewGuid(), null, _schedule, submittedAt);
        _trackingNumbers.Claim(report);

        if (Chance(0.3))
        {
            report.AddAttachment(new Attachment("foto-lokasi.jpg", $"generated/{Guid.NewGuid():N}.jpg", "image/jpeg", _random.Next(80_000, 2_000_000),
                Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), ActorRole.Citizen, submittedAt));
        }

        var identity = anonymous || Chance(0.2) ? null
            : new ReporterIdentity(report, $"Warga {_random.Next(1, 99_999)}", Chance(0.6) ? $"warga{_random.Next(1, 999_999)}@contoh.id" : null, Chance(0.5) ? $"08{_random.Next(100_000_000, 999_999_999)}" : null);

        Live(report, agency.Id, pace, submittedAt);
        foreach (var assignment in report.OpenAssignments().Where(a => a.CompletionDueOn < _schedule.LocalDate(_now)))
        {
            assignment.MarkOverdue();
        }

        return (report, identity);
    }

    private void Live(Report report, int agencyId, double pace, DateTimeOffset t)
    {
        t = Later(t, 20);
        if (t > _now)
        {
            return;
        }

        if (Chance(0.07))
        {
            report.Archive(_coordinator, ArchiveReasons[_random.Next(ArchiveReasons.Length)], "Laporan tidak dapat ditindaklanjuti karena informasinya tidak memadai.", null, t);
            return;
        }

        if (Chance(0.03) && !Hold(report, ref t))
        {
            return;
        }

        // Four in a hundred go to the wrong agency first, which hands them back (No Wrong Door).
        var agencies = new List<int> { agencyId };
        if (Chance(0.04))
        {
            var wrong = PickOther(agencyId);
            Verify(report, [wrong], t);
            t = Later(t, 30 * pace);
            if (t > _now)
            {
                return;
            }

            report.Return(Officer(wrong), "Bukan kewenangan kami; mohon dialihkan ke instansi terkait.", _schedule, t);
            t = Later(t, 12);
            if (t > _now)
            {
                return;
            }
        }
        else if (Chance(0.03))
        {
            agencies.Add(PickOther(agencyId));
        }

        Verify(report, agencies, t);
        var finals = agencies.Select(a => Work(report, a, pace, t)).ToList();
        if (finals.Any(f => f is null))
        {
            return;
        }

        var verdictAt = Later(finals.Max()!.Value, 48);
        if (verdictAt > _now)
        {
            return;
        }

        if (Chance(0.06))
        {
            report.Reject(Actor.Guest, "Belum ada perbaikan di lapangan.", verdictAt);
            var again = Later(verdictAt, 72 * pace);
            if (again > _now)
            {
                return;
            }

            foreach (var a in agencies)
            {
                report.RespondFinal(Officer(a), "Perbaikan ulang sudah dilaksanakan. Mohon dicek kembali.", MessageVisibility.Public, _schedule, again);
            }

            verdictAt = Later(again, 48);
            if (verdictAt > _now)
            {
                return;
            }
        }

        if (Chance(0.45))
        {
            report.Accept(Actor.Guest, _schedule, verdictAt);
            if (Chance(0.5))
            {
                report.Rate(Actor.Guest, _random.Next(3, 6), verdictAt);
            }
        }
        else
        {
            var windowEnd = report.Assignments.Where(a => a.ReporterWindowEndsOn is not null).Max(a => a.ReporterWindowEndsOn!.Value);
            var autoAt = new DateTimeOffset(windowEnd.AddDays(1).ToDateTime(new TimeOnly(1, 0)), _schedule.TimeZone.GetUtcOffset(windowEnd.ToDateTime(TimeOnly.MinValue)));
            if (autoAt <= _now)
            {
                report.AutoComplete(_schedule, autoAt);
            }
        }
    }

    /// <summary>One agency's work: first response, perhaps a question to the reporter, final response. Null when time runs out first.</summary>
    private DateTimeOffset? Work(Report report, int agencyId, double pace, DateTimeOffset t)
    {
        var officer = Officer(agencyId);
        t = Later(t, 30 * pace);
        if (t > _now)
        {
            return null;
        }

        report.Respond(officer, "Terima kasih, laporan Anda sedang kami tindak lanjuti bersama tim lapangan.", MessageVisibility.Public, _schedule, t);
        if (Chance(0.05))
        {
            report.RequestInformation(officer, "Mohon kirimkan titik lokasi yang lebih tepat.", Later(t, 4));
            t = Later(t, 36);
            if (t > _now)
            {
                return null;
            }

            report.ReporterReply(Actor.Guest, "Lokasinya di depan balai desa, sebelah kiri jalan.", _schedule, t);
        }

        t = Later(t, 110 * pace);
        if (t > _now)
        {
            return null;
        }

        report.RespondFinal(officer, "Tindak lanjut telah selesai dilaksanakan di lokasi. Terima kasih atas partisipasi Anda.", MessageVisibility.Public, _schedule, t);
        return t;
    }

    /// <summary>The coordinator asks the reporter first; false when the report stays on hold or ends archived.</summary>
    private bool Hold(Report report, ref DateTimeOffset t)
    {
        report.Hold(_coordinator, "Mohon lengkapi lokasi dan waktu kejadian.", t);
        var answer = Later(t, 48);
        if (Chance(0.3) || answer > _now)
        {
            var expiry = t.AddDays(16);
            if (expiry <= _now)
            {
                report.ExpireHold(expiry);
            }

            return false;
        }

        report.AddInformation(Actor.Guest, "Lokasinya di RT 03 RW 05, kejadian setiap sore.", _schedule, answer);
        t = Later(answer, 8);
        return t <= _now;
    }

    private void Verify(Report report, IReadOnlyCollection<int> agencies, DateTimeOffset t) =>
        report.Verify(_coordinator, agencies, Chance(0.1) ? ComplaintKind.RequiresInvestigation : ComplaintKind.Ordinary, null, null, _schedule, t);

    private Actor Officer(int agencyId) =>
        new(agencyId == _province.WorkingAgencies[0].Id && _province.OfficerId.Length > 0 ? _province.OfficerId : null, ActorRole.Officer) { Agencies = [agencyId] };

    /// <summary>Some hours later, drawn from an exponential distribution with the given mean.</summary>
    private DateTimeOffset Later(DateTimeOffset t, double meanHours) => t.AddHours(0.5 + (-Math.Log(1 - _random.NextDouble()) * meanHours));

    private bool Chance(double p) => _random.NextDouble() < p;

    private int PickAgency()
    {
        var index = Array.BinarySearch(_cumulativeLoad, _random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cumulativeLoad.Length - 1);
    }

    private int PickOther(int agencyId)
    {
        var all = _province.WorkingAgencies;
        int other;
        do
        {
            other = all[_random.Next(all.Count)].Id;
        }
        while (other == agencyId);

        return other;
    }

    private int PickCategory(Agency agency)
    {
        var opd = agency.ShortCode[(agency.ShortCode.IndexOf('-', StringComparison.Ordinal) + 1)..];
        if (opd.StartsWith("PKM", StringComparison.Ordinal))
        {
            opd = "DINKES";
        }

        var options = _categoriesByOpd.GetValueOrDefault(opd) ?? _province.CategoryOpds.Select(c => c.CategoryId).ToList();
        return options[_random.Next(options.Count)];
    }

    private Channel PickChannel()
    {
        var roll = _random.Next(100);
        foreach (var (channel, weight) in Channels)
        {
            if ((roll -= weight) < 0)
            {
                return channel;
            }
        }

        return Channel.Web;
    }
}
