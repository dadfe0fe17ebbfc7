using Lapor.Web.Domain.Reports;

namespace Lapor.UnitTests.Domain.Reports;

public sealed class TrackingNumberTests
{
    [Fact]
    public void New_HasTheFormatAndNoLookAlikeCharacters()
    {
        for (var i = 0; i < 1000; i++)
        {
            var number = TrackingNumber.New();
            Assert.Matches("^LPR-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", number);
            Assert.DoesNotContain(number[4..], c => "01OILU".Contains(c, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void New_TenThousandNumbers_AreAllDifferent()
    {
        var numbers = Enumerable.Range(0, 10_000).Select(_ => TrackingNumber.New()).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Theory]
    [InlineData("LPR-7K3Q-9XWD", "LPR-7K3Q-9XWD")]
    [InlineData("lpr-7k3q-9xwd", "LPR-7K3Q-9XWD")]
    [InlineData(" lpr 7k3q 9xwd ", "LPR-7K3Q-9XWD")]
    [InlineData("7K3Q9XWD", "LPR-7K3Q-9XWD")]
    [InlineData("LPR7K3Q9XWD", "LPR-7K3Q-9XWD")]
    public void Normalize_WhatPeopleType_GivesTheCanonicalNumber(string typed, string expected)
    {
        Assert.Equal(expected, TrackingNumber.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LPR-7K3Q")]
    [InlineData("LPR-7K3Q-9XWD-1")]
    [InlineData("LPR-0OIL-1UUU")]
    [InlineData("<script>")]
    public void Normalize_NotANumber_GivesNull(string? typed)
    {
        Assert.Null(TrackingNumber.Normalize(typed));
    }
}
