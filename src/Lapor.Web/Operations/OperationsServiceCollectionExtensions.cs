using Lapor.Web.Operations.Backup;
using Lapor.Web.Operations.Generation;

namespace Lapor.Web.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>What start-up and the command-line tools use: reference and demo data, backfills, backup and the data generator.</summary>
    public static IServiceCollection AddLaporOperations(this IServiceCollection services) => services
        .AddScoped<StageDurationBackfill>()
        .AddScoped<DashboardTallyRecount>()
        .AddScoped<ReplyAddressBackfill>()
        .AddScoped<WebhookSecretBackfill>()
        .AddScoped<SqliteBackup>()
        .AddScoped<DemoData>()
        .AddScoped<DataGenerator>();
}
