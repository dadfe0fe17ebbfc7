using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>
/// A coordinator looks up who filed an anonymous report. Allowed only with a typed reason, and
/// written to the audit log in the same save that returns the identity (UU PDP Pasal 31).
/// </summary>
public static class RevealIdentity
{
    /// <summary>The audit log's Reason column (AuditEntryConfiguration).</summary>
    public const int MaxReasonLength = 1000;

    public sealed record View(string TrackingNumber, string? Name, string? Email, string? Phone, string Reason);

    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
        public async Task<View?> HandleAsync(string trackingNumber, string reason, ReportScope scope, string? ipAddress, CancellationToken cancellationToken)
        {
            var found = await scope.Apply(db.Reports.AsNoTracking())
                .Where(r => r.TrackingNumber == trackingNumber)
                .Select(r => new { r.Id, Identity = db.ReporterIdentities.Where(i => i.ReportId == r.Id).Select(i => new { i.FullName, i.Email, i.Phone }).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return null;
            }

            db.AuditEntries.Add(new AuditEntry(AuditAction.IdentityRevealed, scope.UserId, "Report", found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reason.Trim(), ipAddress, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return new View(trackingNumber, found.Identity?.FullName, found.Identity?.Email, found.Identity?.Phone, reason.Trim());
        }
    }
}
