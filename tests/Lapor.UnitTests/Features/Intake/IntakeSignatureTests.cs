using System.Text;
using Lapor.Web.Features.Integrations.Intake;

namespace Lapor.UnitTests.Features.Intake;

public sealed class IntakeSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"message_id":"1","from":"+62812","text":"Jalan rusak"}""");
    private static readonly long Timestamp = Now.ToUnixTimeSeconds();

    [Fact]
    public void Sign_HandWorked_IsTheHmacOfTimestampDotBody()
    {
        // echo -n '1796094000.{"message_id":"1","from":"+62812","text":"Jalan rusak"}' | openssl dgst -sha256 -hmac rahasia
        Assert.Equal(1796094000, Timestamp);
        Assert.Equal("sha256=889c213a9d7dc7f2a6d67d869538470d7dd7ad282aa3bca4ebfbafb092904603", IntakeSignature.Sign("rahasia", Timestamp, Body));
    }

    [Fact]
    public void IsValid_TheGatewaysOwnSignature_Passes()
    {
        Assert.True(IntakeSignature.IsValid("rahasia", "1796094000", IntakeSignature.Sign("rahasia", Timestamp, Body), Body, Now.AddMinutes(4), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("rahasia-lain", 0, false, "1796094000")] // another secret
    [InlineData("rahasia", 6, false, "1796094000")]      // too old: a replay
    [InlineData("rahasia", -6, false, "1796094000")]     // from the future
    [InlineData("rahasia", 0, true, "1796094000")]       // body changed after signing
    [InlineData("rahasia", 0, false, "kemarin")]         // no number
    [InlineData("rahasia", 0, false, "1796094001")]      // timestamp changed after signing
    public void IsValid_AnythingChanged_Fails(string signedWith, int minutesLater, bool tamper, string timestampHeader)
    {
        var signature = IntakeSignature.Sign(signedWith, Timestamp, Body);
        var body = tamper ? Encoding.UTF8.GetBytes("""{"message_id":"1","from":"+62812","text":"Jalan bagus"}""") : Body;

        Assert.False(IntakeSignature.IsValid("rahasia", timestampHeader, signature, body, Now.AddMinutes(minutesLater), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void IsSameSecret_ExactOnly()
    {
        Assert.True(IntakeSignature.IsSameSecret("token-telegram", "token-telegram"));
        Assert.False(IntakeSignature.IsSameSecret("token-telegram", "token-telegram "));
        Assert.False(IntakeSignature.IsSameSecret("token-telegram", null));
    }
}
