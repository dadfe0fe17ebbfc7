using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.Tracking;

/// <summary>Checks a guest's access code against the stored hash.</summary>
public static class Unlock
{
    public sealed class Handler(LaporDbContext db)
    {
        public async Task<bool> HandleAsync(string trackingNumber, string? accessCode, CancellationToken cancellationToken)
        {
            var hash = await db.Reports.AsNoTracking()
                .Where(r => r.TrackingNumber == trackingNumber)
                .Select(r => r.AccessCodeHash)
                .FirstOrDefaultAsync(cancellationToken);
            return AccessCode.Verify(accessCode, hash);
        }
    }
}
