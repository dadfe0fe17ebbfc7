using Lapor.Web.Domain.Notifications;

namespace Lapor.UnitTests.Domain.Notifications;

/// <summary>WhatsApp's 24-hour customer-service window decides between free text and the approved template.</summary>
public sealed class CustomerServiceWindowTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, WhatsAppMessageKind.Text)]
    [InlineData(60, WhatsAppMessageKind.Text)]
    [InlineData(24 * 60 - 1, WhatsAppMessageKind.Text)]
    [InlineData(24 * 60, WhatsAppMessageKind.Template)] // the window is closed at exactly 24 hours
    [InlineData(3 * 24 * 60, WhatsAppMessageKind.Template)]
    public void LastInboundMinutesAgo_ChoosesTheKind(int minutesAgo, WhatsAppMessageKind expected) =>
        Assert.Equal(expected, CustomerServiceWindow.Choose(Now.AddMinutes(-minutesAgo), Now));

    [Fact]
    public void NeverWrote_IsTemplate() => Assert.Equal(WhatsAppMessageKind.Template, CustomerServiceWindow.Choose(null, Now));

    [Fact]
    public void AsParameter_JoinsLinesAndCollapsesSpaces_AsWhatsAppRequires()
    {
        var parameter = CustomerServiceWindow.AsParameter("Laporan LPR-AB12-CD34 diterima.\r\n\r\nPetugas:\tDinas PU      Kota\n  Terima kasih.  ");

        Assert.Equal("Laporan LPR-AB12-CD34 diterima. · Petugas: Dinas PU Kota · Terima kasih.", parameter);
    }

    [Fact]
    public void AsParameter_CutsLongTextWithAnEllipsis()
    {
        var parameter = CustomerServiceWindow.AsParameter(new string('a', 2000));

        Assert.Equal(CustomerServiceWindow.MaxParameterLength, parameter.Length);
        Assert.EndsWith("…", parameter, StringComparison.Ordinal);
    }

    [Fact]
    public void ContactHash_TreatsOneNumberWrittenTwoWaysAlike_AndKeepsNoDigitsInClear()
    {
        var hash = ChannelContact.HashOf(NotificationChannel.WhatsApp, "+62 812-3456-7890");

        Assert.Equal(hash, ChannelContact.HashOf(NotificationChannel.WhatsApp, "6281234567890"));
        Assert.Equal(hash, ChannelContact.HashOf(NotificationChannel.WhatsApp, "081234567890"));
        Assert.Equal(hash, ChannelContact.HashOf(NotificationChannel.WhatsApp, "+6281234567890"));
        Assert.NotEqual(hash, ChannelContact.HashOf(NotificationChannel.Sms, "6281234567890"));
        Assert.DoesNotContain("7890", hash, StringComparison.Ordinal);
    }
}
