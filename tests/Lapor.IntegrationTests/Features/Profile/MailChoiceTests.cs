using System.Net;
using Lapor.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Profile;

/// <summary>Akun Saya: coordinators and agency heads choose single mails or a daily digest; officers are not offered it.</summary>
public sealed class MailChoiceTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Theory]
    [InlineData(StaffWorld.Coordinator)]
    [InlineData(StaffWorld.HeadA)]
    public async Task Choice_SavedFromTheAccountPage(string email)
    {
        await StaffWorld.CreateAsync(app);
        var staff = await Staff.SignInAsync(app, email);
        var page = await staff.OpenAsync("/akun");
        Assert.NotNull(page.Document.QuerySelector("#mail-immediate[checked]"));

        var response = await staff.Client.PostAsync("/akun/surel", Form(page.AntiforgeryToken("/akun/surel"), "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await DigestAsync(email));
        page = await staff.OpenAsync("/akun");
        Assert.NotNull(page.Document.QuerySelector("#mail-digest[checked]"));
        Assert.Contains("07:00", page.Text, StringComparison.Ordinal);

        await staff.Client.PostAsync("/akun/surel", Form(page.AntiforgeryToken("/akun/surel"), "false"));
        Assert.False(await DigestAsync(email));
    }

    [Fact]
    public async Task Officer_IsNotOfferedTheDigest()
    {
        await StaffWorld.CreateAsync(app);
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var page = await officer.OpenAsync("/akun");
        Assert.Null(page.Document.QuerySelector("form[action='/akun/surel']"));

        var response = await officer.Client.PostAsync("/akun/surel", Form(await officer.TokenAsync(), "true"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await DigestAsync(StaffWorld.OfficerA));
    }

    private Task<bool> DigestAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.MailDigest).SingleAsync());

    private static FormUrlEncodedContent Form(string token, string digest) =>
        new(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["digest"] = digest });
}
