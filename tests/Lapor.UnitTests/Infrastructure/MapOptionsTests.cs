using Lapor.Web.Infrastructure.Maps;
using Lapor.Web.Infrastructure.Security;

namespace Lapor.UnitTests.Infrastructure;

/// <summary>The tile server named in Map:TileUrl is the one host the Content-Security-Policy lets images come from.</summary>
public sealed class MapOptionsTests
{
    [Theory]
    [InlineData(MapOptions.OpenStreetMapTiles, "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}{r}.png", "https://*.tile.example.org")]
    [InlineData("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080")]
    [InlineData("https://peta.kab.go.id:443/{z}/{x}/{y}.png", "https://peta.kab.go.id")]
    [InlineData("/tiles/{z}/{x}/{y}.png", null)]
    [InlineData("", null)]
    public void TileOrigin_IsTheTemplatesHost(string template, string? origin)
    {
        var options = new MapOptions { TileUrl = template };

        Assert.Equal(origin, options.TileOrigin);
        Assert.True(options.IsValid);
    }

    [Theory]
    [InlineData("ftp://tiles.example.org/{z}/{x}/{y}.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("tiles/{z}/{x}/{y}.png")]
    public void TileUrl_NotHttpOrAPath_IsInvalid(string template) =>
        Assert.False(new MapOptions { TileUrl = template }.IsValid);

    [Fact]
    public void ContentSecurityPolicy_AddsTheTileOriginToImagesOnly()
    {
        var policy = SecurityHeaders.ContentSecurityPolicy("https://tile.openstreetmap.org");

        Assert.Contains("img-src 'self' data: blob: https://tile.openstreetmap.org;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("img-src 'self' data: blob:;", SecurityHeaders.ContentSecurityPolicy(null), StringComparison.Ordinal);
    }
}
