using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.StaffWork.ManualEntries;

namespace Lapor.UnitTests.Features.Inbox;

/// <summary>A report staff record from SMS or WhatsApp is answered on that channel, at the number the conversation knows (issue 20).</summary>
public sealed class ManualEntryReplyTests
{
    [Theory]
    [InlineData(Channel.WhatsApp, "0812-7777-0000", NotificationChannel.WhatsApp, "+6281277770000")]
    [InlineData(Channel.WhatsApp, "6281277770000", NotificationChannel.WhatsApp, "+6281277770000")]
    [InlineData(Channel.Sms, "+62 812 7777 0000", NotificationChannel.Sms, "+6281277770000")]
    [InlineData(Channel.Sms, "+60 12 345 6789", NotificationChannel.Sms, "+60123456789")]
    public void SmsOrWhatsApp_WithAPhoneNumber_IsAnsweredThereInE164(Channel channel, string phone, NotificationChannel expectedChannel, string expectedAddress)
    {
        Assert.Equal((expectedChannel, expectedAddress), ManualEntry.ReplyAddress(channel, phone));
    }

    [Theory]
    [InlineData(Channel.Letter, "081277770000")]
    [InlineData(Channel.Phone, "081277770000")]
    [InlineData(Channel.Telegram, "081277770000")]
    [InlineData(Channel.WhatsApp, null)]
    [InlineData(Channel.WhatsApp, "")]
    [InlineData(Channel.WhatsApp, "81277770000")]
    [InlineData(Channel.Sms, "12345")]
    public void OtherChannels_OrNoPhoneNumber_HaveNoReplyAddress(Channel channel, string? phone)
    {
        Assert.Null(ManualEntry.ReplyAddress(channel, phone));
    }
}
