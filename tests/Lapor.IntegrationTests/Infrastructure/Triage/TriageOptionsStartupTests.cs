using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Infrastructure.Triage;

/// <summary>A Triage setting out of range stops the app at start with the key named.</summary>
public sealed class TriageOptionsStartupTests
{
    [Fact]
    public void NegativeHeldOutWarningFloor_TheAppDoesNotStart_AndSaysWhichKey()
    {
        using var app = new LaporAppFactory();
        using var broken = app.WithWebHostBuilder(builder => builder.UseSetting("Triage:HeldOutWarningBelow", "-1"));

        var error = Assert.ThrowsAny<Exception>(() => broken.Services);

        Assert.Contains("Triage:HeldOutWarningBelow", error.ToString(), StringComparison.Ordinal);
    }
}
