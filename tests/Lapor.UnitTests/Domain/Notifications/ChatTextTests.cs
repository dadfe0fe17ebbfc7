using Lapor.Web.Domain.Notifications;

namespace Lapor.UnitTests.Domain.Notifications;

public sealed class ChatTextTests
{
    [Fact]
    public void Clip_KeepsATextThatFits()
    {
        Assert.Equal("Lubang sudah ditambal.", ChatText.Clip("  Lubang sudah ditambal.\n", 22));
    }

    [Fact]
    public void Clip_CutsAtAWord_AndSaysThereIsMore()
    {
        var clipped = ChatText.Clip("Lubang di Jalan Merdeka sudah ditambal oleh regu pemeliharaan kemarin sore.", 40);

        Assert.Equal("Lubang di Jalan Merdeka sudah ditambal…", clipped);
        Assert.True(clipped.Length <= 40);
    }

    [Fact]
    public void Clip_CutsALongWordWhereTheRoomEnds()
    {
        var clipped = ChatText.Clip(new string('x', 100), 10);

        Assert.Equal(new string('x', 9) + "…", clipped);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Clip_WithNoRoom_IsEmpty(int room)
    {
        Assert.Equal("", ChatText.Clip("Sudah ditambal.", room));
    }

    [Fact]
    public void Rooms_AnSmsIsShorterThanAChat()
    {
        Assert.Equal(612, ChatText.MaxMessageLength(NotificationChannel.Sms));
        Assert.Equal(4096, ChatText.MaxMessageLength(NotificationChannel.WhatsApp));
        Assert.Equal(4096, ChatText.MaxMessageLength(NotificationChannel.Telegram));
        Assert.True(ChatText.MaxSmsAnswerLength < ChatText.MaxMessageLength(NotificationChannel.Sms));
    }
}
