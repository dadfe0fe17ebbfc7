using Lapor.Web.Data;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>Opens an attachment of a report the staff member may see.</summary>
public static class StaffAttachment
{
    public sealed class Handler(LaporDbContext db, IAttachmentStore store)
    {
        public async Task<Attachments.File?> HandleAsync(string trackingNumber, Guid attachmentId, ReportScope scope, CancellationToken cancellationToken)
        {
            var found = await db.Attachments.AsNoTracking()
                .Where(a => a.Id == attachmentId)
                .Join(scope.Apply(db.Reports).Where(r => r.TrackingNumber == trackingNumber), a => a.ReportId, r => r.Id, (a, _) => new { a.StoredName, a.ContentType, a.OriginalFileName })
                .FirstOrDefaultAsync(cancellationToken);
            var stream = found is null ? null : await store.OpenReadAsync(found.StoredName, cancellationToken);
            return stream is null ? null : new Attachments.File(stream, found!.ContentType, found.OriginalFileName);
        }
    }
}
