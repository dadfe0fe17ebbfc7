namespace Lapor.Web.Features.Shared.Attachments;

/// <summary>The files sent with one message (a final response's evidence), each behind its authorized download address.</summary>
public sealed record MessageFiles(IReadOnlyList<MessageFiles.File> Files)
{
    public sealed record File(string Url, string Name, long SizeBytes);
}
