using Lapor.UnitTests.Builders;
using Lapor.Web.Domain.Deadlines;
using Lapor.Web.Domain.Metrics;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Metrics;

/// <summary>"Late now" on reports built by the domain's own methods; filed Monday 2 November 2026, weekends only off.</summary>
public sealed class LateNowTests
{
    private static readonly DateOnly Thursday5 = new(2026, 11, 5);

    [Fact]
    public void OnTimeShare_ThreeLateNow_MakeVerificationLessThanEveryone()
    {
        // Five verified, all on time; three unverified past their day: 5 / (5 + 3).
        Assert.Equal(0.625m, LateNow.OnTimeShare(5, 5, 3));
        Assert.Equal(1m, LateNow.OnTimeShare(5, 5, 0));
        Assert.Equal(0m, LateNow.OnTimeShare(0, 0, 2));
        Assert.Null(LateNow.OnTimeShare(0, 0, 0));
    }

    [Fact]
    public void WorkingDaysLate_TheWholeDueDayCounts_WeekendsAndHolidaysDoNot()
    {
        var friday = new DateOnly(2026, 11, 20);
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 11, 24)]);

        Assert.Equal(0, LateNow.WorkingDaysLate(friday, friday, calendar));
        Assert.Equal(1, LateNow.WorkingDaysLate(friday, friday.AddDays(1), calendar)); // Saturday: late, by at least one
        Assert.Equal(1, LateNow.WorkingDaysLate(friday, new DateOnly(2026, 11, 23), calendar));
        Assert.Equal(2, LateNow.WorkingDaysLate(friday, new DateOnly(2026, 11, 25), calendar)); // Tuesday 24 is a holiday
        Assert.False(LateNow.IsPast(null, friday));
    }

    [Fact]
    public void Verification_LateFromTheDayAfterItsDueDay_UntilVerified()
    {
        var report = ReportBuilder.Submitted();
        var query = LateNow.Verification(Thursday5.AddDays(1)).Compile();

        // The query rule and the in-memory one the dashboard's grouped counts use agree on every case.
        bool late(Report r)
        {
            Assert.Equal(query(r), LateNow.IsVerificationLate(r.Status, r.VerifyDueOn, Thursday5.AddDays(1)));
            return query(r);
        }

        Assert.Equal(Thursday5, report.VerifyDueOn);
        Assert.False(LateNow.Verification(Thursday5).Compile()(report));
        Assert.True(late(report));
        Assert.False(late(ReportBuilder.In(ReportStatus.OnHold))); // on hold: the clock is stopped
        Assert.False(late(ReportBuilder.In(ReportStatus.Dispositioned)));
    }

    [Fact]
    public void Shares_FirstResponseUntilAnswered_CompletionUntilDone_NeitherWhilePaused()
    {
        var share = ReportBuilder.In(ReportStatus.Dispositioned).Assignments.Single();
        var answered = ReportBuilder.In(ReportStatus.InProgress).Assignments.Single();
        var done = ReportBuilder.In(ReportStatus.Completed).Assignments.Single();
        var pausedReport = ReportBuilder.In(ReportStatus.Dispositioned);
        pausedReport.RequestInformation(ReportBuilder.OfficerOf(ReportBuilder.AgencyA), "Mohon foto.", ReportBuilder.Monday.AddDays(1));
        var paused = pausedReport.Assignments.Single();
        var farLater = share.CompletionDueOn.AddDays(30);

        Assert.Equal([], Stages(share, share.FirstResponseDueOn));
        Assert.Equal([Deadline.FirstResponse], Stages(share, share.FirstResponseDueOn.AddDays(1)));
        Assert.Equal([Deadline.FirstResponse, Deadline.Completion], Stages(share, farLater));
        Assert.Equal([Deadline.Completion], Stages(answered, farLater));
        Assert.Equal([], Stages(done, farLater));
        Assert.Equal([], Stages(paused, farLater));
    }

    /// <summary>The late stages of one share by the query rules, checked against the in-memory rule that the queue uses.</summary>
    private static List<Deadline> Stages(Assignment a, DateOnly today)
    {
        var byQuery = new List<Deadline>();
        if (LateNow.FirstResponse(today).Compile()(a))
        {
            byQuery.Add(Deadline.FirstResponse);
        }

        if (LateNow.Completion(today).Compile()(a))
        {
            byQuery.Add(Deadline.Completion);
        }

        var inMemory = LateNow.StagesOf(a.State, a.PausedAt, a.FirstRespondedAt, a.FirstResponseDueOn, a.CompletionDueOn, today).Select(s => s.Stage).ToList();
        Assert.Equal(byQuery, inMemory);
        Assert.Equal(byQuery.Count > 0, LateNow.AnyStage(today).Compile()(a));

        // A grouped count keeps only these keys of the share, and must find the same stages.
        var grouped = LateNow.StagesOf(a.State, a.PausedAt is not null, a.FirstRespondedAt is not null, a.FirstResponseDueOn < today, a.CompletionDueOn < today).ToList();
        Assert.Equal(byQuery, grouped);
        return byQuery;
    }
}

public sealed class AgeingTests
{
    private static readonly WorkingDayCalendar Calendar = new([new DateOnly(2026, 11, 24)]);
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(14)]
    [InlineData(60)]
    public void LatestFiledOlderThan_IsTheBoundary_OfWorkingDaysBetween(int days)
    {
        var boundary = Ageing.LatestFiledOlderThan(days, Today, Calendar);

        Assert.True(Calendar.WorkingDaysBetween(boundary, Today) > days);
        Assert.True(Calendar.WorkingDaysBetween(boundary.AddDays(1), Today) <= days);
    }

    [Fact]
    public void Filed_SelectsExactlyTheGroupsAges()
    {
        for (var group = 0; group < BacklogAgeing.Groups.Count; group++)
        {
            var (min, max) = BacklogAgeing.Groups[group];
            var (after, onOrBefore) = Ageing.Filed(min, max, Today, Calendar);
            for (var filed = Today.AddDays(-150); filed <= Today; filed = filed.AddDays(1))
            {
                var age = Calendar.WorkingDaysBetween(filed, Today);
                var selected = (after is not { } a || filed > a) && (onOrBefore is not { } b || filed <= b);
                Assert.Equal(age >= min && (max is not { } m || age <= m), selected);
            }
        }
    }
}
