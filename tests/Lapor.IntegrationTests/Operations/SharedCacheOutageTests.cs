using System.Net;
using Lapor.IntegrationTests.Infrastructure;
using Lapor.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Operations;

/// <summary>With the shared cache (Redis) unreachable, pages are built from the database: slower, never wrong or failing.</summary>
public sealed class SharedCacheOutageTests(SharedCacheOutageTests.RedisDown app) : IClassFixture<SharedCacheOutageTests.RedisDown>
{
    [Fact]
    public async Task PagesAnswer_AndAChangeIsSeenAtOnce_WhileRedisIsDown()
    {
        var world = await StaffWorld.CreateAsync(app);
        var browser = app.CreateBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/lapor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/laporan")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var reference = scope.ServiceProvider.GetRequiredService<ReferenceData>();
        await db.Agencies.Where(a => a.Id == world.AgencyB).ExecuteUpdateAsync(set => set.SetProperty(a => a.Name, "Dinas B Berganti"));
        await reference.InvalidateAsync(CancellationToken.None); // cannot be published: Redis is down

        Assert.Contains(await reference.AgenciesAsync(CancellationToken.None), a => a.Name == "Dinas B Berganti");
        Assert.Contains("Dinas B Berganti", await (await browser.GetAsync("/lapor")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed class RedisDown : LaporAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Cache:Provider", "Redis");
            builder.UseSetting("Cache:Redis", $"127.0.0.1:{PortalProcess.FreePort()},connectTimeout=300"); // nothing listens there
        }
    }
}
