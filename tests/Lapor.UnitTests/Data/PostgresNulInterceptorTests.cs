using Lapor.Web.Data;

namespace Lapor.UnitTests.Data;

public sealed class PostgresNulInterceptorTests
{
    [Fact]
    public void Text_WithNul_KeepsItsLength_WithTheReplacementCharacter()
    {
        Assert.Equal("LPR\uFFFD'\"", PostgresNulInterceptor.Clean("LPR\0'\""));
        Assert.Equal(new[] { "a\uFFFD", "b" }, PostgresNulInterceptor.Clean(new[] { "a\0", "b" }));
        Assert.Equal(new List<string> { "\uFFFD\uFFFD" }, PostgresNulInterceptor.Clean(new List<string> { "\0\0" }));
    }

    [Fact]
    public void OtherValues_AreLeftAlone()
    {
        var clean = new[] { "lampu", "padam" };
        Assert.Same(clean, PostgresNulInterceptor.Clean(clean));
        Assert.Equal("lampu", PostgresNulInterceptor.Clean("lampu"));
        Assert.Equal(42L, PostgresNulInterceptor.Clean(42L));
        Assert.Null(PostgresNulInterceptor.Clean(null));
    }
}
