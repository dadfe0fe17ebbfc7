using System.Net;
using Lapor.TestSupport;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Operations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Data;

/// <summary>The Development demo data still seeds with the published password that registration refuses.</summary>
public sealed class DemoDataTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Seed_CreatesAccountsThatSignInWithTheDemoPassword_WhichTheValidatorsRefuse()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
        }

        var signIn = await Citizen.SignInAsync(app.CreateBrowser(), "warga@lapor.test", DemoData.Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        await using var check = app.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var refused = await users.CreateAsync(new LaporUser { UserName = "tiru@contoh.id", Email = "tiru@contoh.id" }, DemoData.Password);
        Assert.Contains(refused.Errors, e => e.Code == CommonPasswordValidator.ErrorCode);

        // The demo coordinator hears of every report: a daily digest, not dozens of mails on the first day.
        Assert.True((await users.FindByEmailAsync("koordinator@lapor.test"))!.MailDigest);
        Assert.False((await users.FindByEmailAsync("penghubung.pupr@lapor.test"))!.MailDigest);
    }

    [Fact]
    public async Task Seed_TheDemoRegionValidatesFollowUps_WithResponsesBothWaitingAndValidated()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
        }

        Assert.True(await app.WithDbAsync(db => db.DeadlinePolicies.Select(p => p.RequireFollowUpValidation).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Assignments.AnyAsync(a => a.State == AssignmentState.AwaitingValidation)));
        Assert.True(await app.WithDbAsync(db => db.RoutingEntries.AnyAsync(e => e.Action == RoutingAction.ValidateFinal)));
    }

    /// <summary>The newest demo reports were filed days ago but take up to five steps: none of them may lie in the future (issue 20).</summary>
    [Fact]
    public async Task Seed_NoHistoryEntryOrMessageLiesInTheFuture()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(CancellationToken.None);
        }

        var now = DateTimeOffset.UtcNow;
        var entries = await app.WithDbAsync(db => db.RoutingEntries.Select(e => e.OccurredAt).ToListAsync());
        var messages = await app.WithDbAsync(db => db.Messages.Select(m => m.CreatedAt).ToListAsync());

        Assert.Contains(entries, at => at > now.AddDays(-3)); // the newest reports are there
        Assert.DoesNotContain(entries, at => at > now);
        Assert.DoesNotContain(messages, at => at > now);
    }
}
