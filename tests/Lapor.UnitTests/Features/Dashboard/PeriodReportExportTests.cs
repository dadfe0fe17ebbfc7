using Lapor.Web.Features.Oversight.Exports;

namespace Lapor.UnitTests.Features.Dashboard;

public sealed class PeriodReportExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+62812", "'+62812")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Dinas Kesehatan, Bidang P2P", "\"Dinas Kesehatan, Bidang P2P\"")]
    [InlineData("Dinas Sosial", "Dinas Sosial")]
    public void Field_NeutralisesFormulasAndQuotesSeparators(string value, string expected)
    {
        Assert.Equal(expected, PeriodReportExport.Field(value));
    }
}
