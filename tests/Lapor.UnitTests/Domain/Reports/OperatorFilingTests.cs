using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class OperatorFilingTests
{
    [Fact]
    public void NoticesBySms_PhoneWithoutEmail_IsTheCanonicalNumberBySms()
    {
        Assert.Equal((NotificationChannel.Sms, "+6281234567890"), OperatorFiling.NoticesBySms(null, "0812-3456-7890"));
        Assert.Equal((NotificationChannel.Sms, "+6281234567890"), OperatorFiling.NoticesBySms("  ", "+62 812 3456 7890"));
    }

    [Theory]
    [InlineData("warga@contoh.id", "081234567890")]
    [InlineData("warga@contoh.id", null)]
    [InlineData(null, null)]
    [InlineData(null, "bukan nomor")]
    public void NoticesBySms_AnEmailOrNoNumber_LeavesTheOrdinaryRule(string? email, string? phone) =>
        Assert.Null(OperatorFiling.NoticesBySms(email, phone));

    [Fact]
    public void New_KeepsOperatorServicePointAndConsentTrimmed()
    {
        var at = new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero);
        var filing = new OperatorFiling(null!, "op-1", "  Kantor Desa Sukamaju ", " Warga setuju. ", at);

        Assert.Equal(("op-1", "Kantor Desa Sukamaju", "Warga setuju.", at), (filing.OperatorUserId, filing.ServicePoint, filing.ConsentWording, filing.ConsentRecordedAt));
    }

    [Fact]
    public void New_LongTexts_AreCutToTheirColumns()
    {
        var filing = new OperatorFiling(null!, "op-1", new string('d', 400), new string('s', 2000), DateTimeOffset.UnixEpoch);

        Assert.Equal((OperatorFiling.MaxServicePointLength, OperatorFiling.MaxConsentLength), (filing.ServicePoint.Length, filing.ConsentWording.Length));
    }

    [Theory]
    [InlineData("", "Kantor Desa", "Setuju")]
    [InlineData("op-1", " ", "Setuju")]
    [InlineData("op-1", "Kantor Desa", "")]
    public void New_WithoutOperatorServicePointOrConsent_Throws(string operatorId, string servicePoint, string consent) =>
        Assert.ThrowsAny<ArgumentException>(() => new OperatorFiling(null!, operatorId, servicePoint, consent, DateTimeOffset.UnixEpoch));
}
