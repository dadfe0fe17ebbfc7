using Lapor.Web.Features.StaffWork.ReportPage;

namespace Lapor.UnitTests.Features.Inbox;

/// <summary>The staff page's reporter line names only what the reporter gave: no stray dash before a number (issue 20).</summary>
public sealed class ReporterContactTests
{
    [Theory]
    [InlineData(null, null, "+6281234567001", "+6281234567001")]
    [InlineData("Dewi", null, "+6281277770000", "Dewi · +6281277770000")]
    [InlineData("Dewi", "dewi@contoh.id", "+6281277770000", "Dewi · dewi@contoh.id · +6281277770000")]
    [InlineData(" ", "dewi@contoh.id", null, "dewi@contoh.id")]
    [InlineData(null, null, null, "–")]
    public void Contact_JoinsTheKnownPartsOnly(string? name, string? email, string? phone, string expected)
    {
        Assert.Equal(expected, new ReportDetail.Reporter(name, email, phone, false).Contact);
    }
}
