using Lapor.Web.Domain.Reports;

namespace Lapor.Web.Operations.Generation;

/// <summary>
/// Every tracking number the generator has given, ordinary and planted reports alike: at five million reports
/// a planted repeat drew an ordinary report's number (30^8 codes) when each kind kept its own set.
/// </summary>
public sealed class TrackingNumbers
{
    private readonly HashSet<string> _given = [];

    /// <summary>Keeps the report's number, or draws it again until it is one not given yet.</summary>
    public void Claim(Report report)
    {
        while (!_given.Add(report.TrackingNumber))
        {
            report.RegenerateTrackingNumber();
        }
    }
}
