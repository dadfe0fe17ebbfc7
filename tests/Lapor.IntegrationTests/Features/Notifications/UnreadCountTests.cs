using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Notifications;

/// <summary>
/// The navigation bar's unread count, now read by the session check's statement (issue 22): only the signed-in
/// person's own unread notices count, and it follows reading at once
/// (a refused cookie shows no count either: <c>SessionTests.ACookieCopiedBeforeSignOut_ShowsNoAccountOnAPublicPage</c>).
/// </summary>
public sealed class UnreadCountTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task TheBadge_CountsOnlyTheOwnUnreadNotices_AndDropsWhenOneIsOpened()
    {
        await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var before = await BadgeAsync(officer);
        var first = await NoticeForAsync(StaffWorld.OfficerA, "LPR-UNRD-AAAA");
        await NoticeForAsync(StaffWorld.OfficerA, "LPR-UNRD-BBBB");
        await NoticeForAsync(StaffWorld.OfficerA, "LPR-UNRD-CCCC", read: true);
        await NoticeForAsync(StaffWorld.OfficerB, "LPR-UNRD-DDDD");

        Assert.Equal(before + 2, await BadgeAsync(officer));

        var list = await officer.OpenAsync("/notifikasi");
        var opened = await officer.Client.PostAsync($"/notifikasi/{first}/buka",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = list.AntiforgeryToken($"/notifikasi/{first}/buka") }));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(before + 1, await BadgeAsync(officer));
    }

    /// <summary>The number in the navigation bar's notices link on the home page (0 when no badge shows).</summary>
    private static async Task<int> BadgeAsync(Staff staff)
    {
        var page = await staff.OpenAsync("/");
        var link = page.Document.QuerySelector("a.nav-link[href='/notifikasi']");
        Assert.NotNull(link);
        var badge = link.QuerySelector(".badge");
        return badge is null ? 0 : int.Parse(badge.ChildNodes[0].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<long> NoticeForAsync(string email, string trackingNumber, bool read = false) => app.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var notice = new StaffNotification(userId, "NewDisposition", 1, trackingNumber, DateTimeOffset.UtcNow);
        db.StaffNotifications.Add(notice);
        await db.SaveChangesAsync();
        if (read)
        {
            await db.StaffNotifications.Where(n => n.Id == notice.Id).ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, DateTimeOffset.UtcNow));
        }

        return notice.Id;
    });
}
