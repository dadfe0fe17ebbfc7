using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Security;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lapor.UnitTests.Infrastructure;

public sealed class SignInThrottleTests
{
    private readonly SignInThrottle _throttle = new(
        new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())),
        Options.Create(new SecurityOptions()), NullLogger<SignInThrottle>.Instance);

    [Fact]
    public async Task FiveFailuresFromOneAddress_LockThatAddressOnly()
    {
        for (var i = 0; i < 4; i++)
        {
            await _throttle.RecordFailureAsync("koordinator@kab.go.id", "198.51.100.1");
        }

        Assert.Equal(SignInThrottle.Verdict.Open, await _throttle.CheckAsync("koordinator@kab.go.id", "198.51.100.1"));
        await _throttle.RecordFailureAsync("koordinator@kab.go.id", "198.51.100.1");

        Assert.Equal(SignInThrottle.Verdict.Locked, await _throttle.CheckAsync("koordinator@kab.go.id", "198.51.100.1"));
        Assert.Equal(SignInThrottle.Verdict.Open, await _throttle.CheckAsync("koordinator@kab.go.id", "192.0.2.1"));
        Assert.Equal(SignInThrottle.Verdict.Open, await _throttle.CheckAsync("lain@kab.go.id", "198.51.100.1"));
    }

    [Fact]
    public async Task TwentyFailuresFromManyAddresses_AskForASecondFactorEverywhere()
    {
        for (var i = 0; i < 20; i++)
        {
            await _throttle.RecordFailureAsync("Koordinator@Kab.go.id ", $"203.0.113.{i}");
        }

        Assert.Equal(SignInThrottle.Verdict.SecondFactorRequired, await _throttle.CheckAsync("koordinator@kab.go.id", "192.0.2.1"));
    }

    [Fact]
    public async Task ASuccessOrNewPassword_ClearsTheAccountAndThatAddress()
    {
        for (var i = 0; i < 20; i++)
        {
            await _throttle.RecordFailureAsync("warga@contoh.id", i < 5 ? "192.0.2.7" : $"203.0.113.{i}");
        }

        await _throttle.ClearAsync("warga@contoh.id", "192.0.2.7");

        Assert.Equal(SignInThrottle.Verdict.Open, await _throttle.CheckAsync("warga@contoh.id", "192.0.2.7"));
    }
}
