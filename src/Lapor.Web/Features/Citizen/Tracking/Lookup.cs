using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Citizen.Tracking;

/// <summary>/lacak: whether a well-formed number names a report, so an unknown one is answered on the lookup page.</summary>
public static class Lookup
{
    /// <summary>What the person typed, given back in the box.</summary>
    public sealed record View(string? Typed);

    public sealed class Handler(LaporDbContext db)
    {
        public Task<bool> ExistsAsync(string trackingNumber, CancellationToken cancellationToken) =>
            db.Reports.AnyAsync(r => r.TrackingNumber == trackingNumber, cancellationToken);
    }
}
