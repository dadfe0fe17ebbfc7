using Lapor.TestSupport;
using Lapor.Web.Data;
using Lapor.Web.Operations.Generation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.IntegrationTests.Performance;

/// <summary>
/// The app on a database filled by the real data generator (a small province: 60 agencies, 1,500
/// reports over a year), background jobs off, and every database command recorded.
/// </summary>
public sealed class GeneratedProvinceFactory : LaporAppFactory, IAsyncLifetime
{
    public static readonly DataGenerator.Settings Settings = new(Reports: 1_500, Agencies: 60, Years: 1, Seed: 7);

    public DatabaseCommandCounter Commands { get; } = new();

    public DataGenerator.Summary? Summary { get; private set; }

    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        Summary = await scope.ServiceProvider.GetRequiredService<DataGenerator>().RunAsync(Settings, TextWriter.Null, interactive: false, CancellationToken.None);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:DispatchEnabled", "false");
        builder.UseSetting("Deadlines:JobEnabled", "false");
        builder.UseSetting("Privacy:JobEnabled", "false");
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SqliteLaporDbContext>(o => o.AddInterceptors(Commands));
            services.ConfigureDbContext<PostgresLaporDbContext>(o => o.AddInterceptors(Commands));
        });
    }
}
