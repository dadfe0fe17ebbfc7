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

    private static readonly byte[] MetaBody = Encoding.UTF8.GetBytes("""{"object":"whatsapp_business_account","entry":[]}""");

    [Fact]
    public void IsValidHubSignature_HandWorked_IsTheHmacOfTheRawBody()
    {
        // printf '%s' '{"object":"whatsapp_business_account","entry":[]}' | openssl dgst -sha256 -hmac rahasia-meta
        Assert.True(IntakeSignature.IsValidHubSignature("rahasia-meta", "sha256=894470816895f92883940a9ab2b6c1358babcc7ea1bdb954155efe77b1c3f44b", MetaBody));
        Assert.True(IntakeSignature.IsValidHubSignature("rahasia-meta", "sha256=894470816895F92883940A9AB2B6C1358BABCC7EA1BDB954155EFE77B1C3F44B", MetaBody));
    }

    [Theory]
    [InlineData("rahasia-lain", "sha256=894470816895f92883940a9ab2b6c1358babcc7ea1bdb954155efe77b1c3f44b")] // another app's secret
    [InlineData("rahasia-meta", "sha256=894470816895f92883940a9ab2b6c1358babcc7ea1bdb954155efe77b1c3f44c")] // one digit off
    [InlineData("rahasia-meta", "894470816895f92883940a9ab2b6c1358babcc7ea1bdb954155efe77b1c3f44b")]        // no prefix
    [InlineData("rahasia-meta", "sha1=894470816895f92883940a9ab2b6c1358babcc7ea1bdb954155efe77b1c3f44b")]   // another algorithm
    [InlineData("rahasia-meta", "sha256=894470816895f92883940a9ab2b6c1358babcc7ea1bdb954155efe77b1c3f4")]   // cut short
    [InlineData("rahasia-meta", "sha256=zz4470816895f92883940a9ab2b6c1358babcc7ea1bdb954155efe77b1c3f44b")]  // not hex
    [InlineData("rahasia-meta", "")]
    [InlineData("rahasia-meta", null)]
    public void IsValidHubSignature_AnythingElse_Fails(string secret, string? signature)
    {
        Assert.False(IntakeSignature.IsValidHubSignature(secret, signature, MetaBody));
    }

    [Fact]
    public void IsValidHubSignature_BodyChangedAfterSigning_Fails()
    {
        var changed = Encoding.UTF8.GetBytes("""{"object":"whatsapp_business_account","entry":[ ]}""");

        Assert.False(IntakeSignature.IsValidHubSignature("rahasia-meta", "sha256=894470816895f92883940a9ab2b6c1358babcc7ea1bdb954155efe77b1c3f44b", changed));
    }
}
