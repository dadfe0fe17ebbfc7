using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Shared.Attachments;

/// <summary>Opens one of a report's attachments for its reporter.</summary>
public static class Attachments
{
    public sealed record File(Stream Content, string ContentType, string FileName);

    public sealed class Handler(LaporDbContext db, IAttachmentStore store)
    {
        public async Task<File?> HandleAsync(string trackingNumber, Guid attachmentId, string? userId, bool granted, CancellationToken cancellationToken)
        {
            // A file sent with a message is the reporter's only if the message is (never one with an internal note).
            var found = await db.Attachments.AsNoTracking()
                .Where(a => a.Id == attachmentId)
                .Where(a => a.MessageId == null || db.Messages.Any(m => m.Id == a.MessageId && m.Visibility != MessageVisibility.Internal))
                .Join(db.Reports.Where(r => r.TrackingNumber == trackingNumber), a => a.ReportId, r => r.Id,
                    (a, r) => new { a.StoredName, a.ContentType, a.OriginalFileName, r.ReporterUserId })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null || !(granted || (userId is not null && userId == found.ReporterUserId)))
            {
                return null;
            }

            var stream = await store.OpenReadAsync(found.StoredName, cancellationToken);
            return stream is null ? null : new File(stream, found.ContentType, found.OriginalFileName);
        }
    }
}
