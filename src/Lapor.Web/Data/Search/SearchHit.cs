namespace Lapor.Web.Data.Search;

/// <summary>A public report whose public text matched a search, and how well (higher is better; only comparable within one search).</summary>
public sealed class SearchHit
{
    public long ReportId { get; set; }

    public double Score { get; set; }
}
