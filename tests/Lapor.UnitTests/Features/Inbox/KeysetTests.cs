using Lapor.Web.Features.Shared.Paging;

namespace Lapor.UnitTests.Features.Inbox;

/// <summary>Cursors come back in addresses anyone can edit: only one that names a real position is read (issue 15).</summary>
public sealed class KeysetTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1")]
    [InlineData("1_2_3")]
    [InlineData("-1_-1")]
    [InlineData("-1_5")]
    [InlineData("5_0")]
    [InlineData("5_-5")]
    [InlineData("+5_5")]
    [InlineData(" 5_5")]
    [InlineData("9223372036854775807_1")]
    [InlineData("3155378976000000000_1")]
    [InlineData("99999999999999999999_1")]
    [InlineData("5_99999999999999999999")]
    public void ParseInstant_NoRealPosition_IsNoCursor(string? text)
    {
        Assert.Null(Keyset.ParseInstant(text));
    }

    [Theory]
    [InlineData("-1_-1")]
    [InlineData("3652059_1")]
    [InlineData("638900000000000000_1")]
    public void ParseDay_NoRealDay_IsNoCursor(string text)
    {
        Assert.Null(Keyset.ParseDay(text));
    }

    [Fact]
    public void ParseInstant_WhatANextLinkCarries_GivesThePositionBack()
    {
        var at = new DateTimeOffset(2026, 11, 23, 10, 15, 0, TimeSpan.FromHours(7));

        var read = Keyset.ParseInstant(Keyset.After(at, 42).ToString());

        Assert.Equal(at, read?.Instant);
        Assert.Equal(42, read?.Id);
    }

    [Fact]
    public void ParseDay_WhatANextLinkCarries_GivesThePositionBack()
    {
        var day = new DateOnly(2026, 12, 31);

        var read = Keyset.ParseDay(Keyset.After(day, 7).ToString());

        Assert.Equal(day, read?.Day);
        Assert.Equal(7, read?.Id);
    }

    [Fact]
    public void ParseInstant_TheFirstAndLastTicks_AreReadWithoutOverflow()
    {
        Assert.Equal(DateTimeOffset.MinValue, Keyset.ParseInstant("0_1")?.Instant);
        Assert.Equal(DateTime.MaxValue.Ticks, Keyset.ParseInstant($"{DateTime.MaxValue.Ticks}_{long.MaxValue}")?.Instant.UtcTicks);
        Assert.Equal(DateOnly.MaxValue, Keyset.ParseDay($"{DateOnly.MaxValue.DayNumber}_1")?.Day);
    }
}
