using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Lapor.UnitTests.Infrastructure;

/// <summary>A time told to a citizen names its zone as Indonesians do ("pukul 13.41 WIB").</summary>
public sealed class LocalTimeTests
{
    [Theory]
    [InlineData("Asia/Jakarta", "WIB")]
    [InlineData("Asia/Pontianak", "WIB")]
    [InlineData("Asia/Makassar", "WITA")]
    [InlineData("Asia/Jayapura", "WIT")]
    [InlineData("Asia/Tokyo", "UTC+9")]
    [InlineData("America/New_York", "UTC-5")]
    public void ZoneName_IsTheIndonesianName_OrTheOffset(string zone, string expected) =>
        Assert.Equal(expected, new LocalTime(Options.Create(new DeadlineOptions { TimeZone = zone })).ZoneName);
}
