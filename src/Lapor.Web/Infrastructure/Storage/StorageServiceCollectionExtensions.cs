using Lapor.Web.Infrastructure.Jobs;
using Microsoft.Extensions.Options;

namespace Lapor.Web.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Upload checks and the attachment store chosen by Attachments:Store (a local folder or an S3-compatible bucket).</summary>
    public static IServiceCollection AddAttachmentStorage(this IServiceCollection services)
    {
        services.AddOptions<AttachmentStorageOptions>().BindConfiguration(AttachmentStorageOptions.Section)
            .Validate(
                o => o.Store != AttachmentStoreKind.S3 || new[] { o.S3.ServiceUrl, o.S3.Bucket, o.S3.AccessKey, o.S3.SecretKey }.All(v => !string.IsNullOrWhiteSpace(v)),
                "Attachments:Store is S3, but Attachments:S3:ServiceUrl, Bucket, AccessKey or SecretKey is missing.")
            .ValidateOnStart();
        services.AddSingleton<IAttachmentStore>(provider =>
            provider.GetRequiredService<IOptions<AttachmentStorageOptions>>().Value.Store == AttachmentStoreKind.S3
                ? ActivatorUtilities.CreateInstance<S3AttachmentStore>(provider)
                : ActivatorUtilities.CreateInstance<LocalAttachmentStore>(provider));
        services.AddSingleton<UploadInspector>();
        services.AddPeriodicJob<AttachmentSweep, AttachmentStorageOptions>(o => o.SweepEnabled, o => o.SweepInterval);
        return services;
    }
}
