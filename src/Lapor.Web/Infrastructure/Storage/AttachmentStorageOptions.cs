namespace Lapor.Web.Infrastructure.Storage;

public sealed class AttachmentStorageOptions
{
    public const string Section = "Attachments";

    /// <summary>Folder for uploaded files, outside wwwroot. Relative paths are under the content root.</summary>
    public string Path { get; set; } = "App_Data/attachments";
}
