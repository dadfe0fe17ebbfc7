namespace Lapor.Web.Infrastructure.Storage;

public enum AttachmentStoreKind
{
    /// <summary>A folder on this machine or a share every instance mounts (<see cref="AttachmentStorageOptions.Path"/>).</summary>
    Local,

    /// <summary>A bucket on an S3-compatible object store (MinIO, Ceph, a cloud provider's).</summary>
    S3,
}

public sealed class AttachmentStorageOptions
{
    public const string Section = "Attachments";

    public AttachmentStoreKind Store { get; set; } = AttachmentStoreKind.Local;

    /// <summary>Folder for uploaded files, outside wwwroot. Relative paths are under the content root.</summary>
    public string Path { get; set; } = "App_Data/attachments";

    /// <summary>The full path of <see cref="Path"/>, a relative one taken under <paramref name="contentRoot"/>.</summary>
    public string FolderUnder(string contentRoot) => System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, Path));

    public S3Options S3 { get; set; } = new();

    /// <summary>Whether this instance removes stored files that no attachment row names (see <see cref="AttachmentSweep"/>).</summary>
    public bool SweepEnabled { get; set; } = true;

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How old an unnamed file must be before it is removed: far longer than any filing takes.</summary>
    public TimeSpan OrphanAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a file uploaded before its form is sent waits for the form (then removed with its row).</summary>
    public TimeSpan StagedLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Whether this instance removes staged uploads older than <see cref="StagedLifetime"/>.</summary>
    public bool StagedCleanupEnabled { get; set; } = true;

    public TimeSpan StagedCleanupInterval { get; set; } = TimeSpan.FromHours(1);

    public sealed class S3Options
    {
        /// <summary>The store's address, for example <c>https://s3.prov.go.id</c> or <c>http://minio.internal:9000</c>.</summary>
        public string ServiceUrl { get; set; } = "";

        public string Bucket { get; set; } = "";

        public string AccessKey { get; set; } = "";

        public string SecretKey { get; set; } = "";

        /// <summary>Signing region; most self-hosted stores accept the default.</summary>
        public string Region { get; set; } = "us-east-1";

        /// <summary>Prepended to every object name, so one bucket can hold several portals.</summary>
        public string KeyPrefix { get; set; } = "attachments/";
    }
}
