using Lapor.Web.Infrastructure.Identity;

namespace Lapor.UnitTests.Infrastructure;

public sealed class BreachedPasswordListTests
{
    [Fact]
    public void Instance_HoldsAtLeastAHundredThousandEntries()
    {
        Assert.True(BreachedPasswordList.Instance.Count >= 100_000, $"{BreachedPasswordList.Instance.Count} entries");
    }

    [Fact]
    public void Instance_IsLoadedOnce()
    {
        Assert.Same(BreachedPasswordList.Instance, BreachedPasswordList.Instance);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("password")]
    [InlineData("admin123")]
    [InlineData("sayang")]
    [InlineData("indonesia")]
    [InlineData("jakarta")]
    [InlineData("bismillah")]
    [InlineData("persija")]
    [InlineData("akusayangkamu")]
    public void Contains_EntriesFromEachSource_AreFound(string key)
    {
        Assert.True(BreachedPasswordList.Instance.Contains(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("kopi pagi di teras rumah")]
    [InlineData("ADMIN123")]
    [InlineData("123456")]
    public void Contains_UnlistedNotNormalisedOrShorterThanAnyPassword_IsFalse(string key)
    {
        Assert.False(BreachedPasswordList.Instance.Contains(key));
    }

    [Fact]
    public void Contains_KeyLongerThanAnyEntry_IsFalseWithoutHashing()
    {
        var list = BreachedPasswordList.Instance;

        Assert.InRange(list.MaxKeyBytes, 8, 128);
        Assert.False(list.Contains(new string('a', list.MaxKeyBytes + 1)));
    }

    [Fact]
    public void Contains_AfterLoading_AllocatesNothing()
    {
        var list = BreachedPasswordList.Instance;
        string[] keys = ["admin123", "kalimat sandi yang panjang", "jakarta", "kata sandi é"];
        foreach (var key in keys)
        {
            list.Contains(key);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            list.Contains(keys[i % keys.Length]);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
