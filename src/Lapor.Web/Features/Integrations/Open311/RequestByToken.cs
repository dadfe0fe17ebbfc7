using Lapor.Web.Data;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>GET tokens/{token}: the service request a POST's token became. Only reports filed through the API have one to find.</summary>
public static class RequestByToken
{
    public sealed class Handler(LaporDbContext db)
    {
        /// <summary>The tracking number, or null for a malformed or unknown token.</summary>
        public async Task<string?> HandleAsync(string token, CancellationToken cancellationToken) =>
            Guid.TryParseExact(token, "N", out var submission)
                ? await db.Reports.Where(r => r.SubmissionToken == submission && r.Channel == Channel.Api).Select(r => r.TrackingNumber).FirstOrDefaultAsync(cancellationToken)
                : null;
    }
}
