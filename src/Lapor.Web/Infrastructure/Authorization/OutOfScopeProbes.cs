using Lapor.Web.Data;
using Lapor.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Infrastructure.Authorization;

/// <summary>
/// Staff asking for a report outside their scope get the same 404 as for one that does not exist, so
/// nothing leaks; when the report does exist the request is a probe and is logged as <c>authz_fail</c>
/// (the extra lookup runs only on that refused path).
/// </summary>
public sealed class OutOfScopeProbes(LaporDbContext db, SecurityEvents events)
{
    public async Task RecordAsync(HttpContext http, string trackingNumber, CancellationToken cancellationToken)
    {
        if (await db.Reports.AnyAsync(r => r.TrackingNumber == trackingNumber, cancellationToken))
        {
            events.ForeignObjectRefused(http, $"report {trackingNumber}");
        }
    }
}
