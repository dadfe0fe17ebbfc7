using System.Security.Cryptography;
using System.Text;
using Lapor.Web.Domain.Integrations;

namespace Lapor.UnitTests.Domain.Integrations;

public sealed class WebhookSignatureTests
{
    private const string Secret = "rahasia-webhook-uji-0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sign_IsHexHmacSha256_OfTimestampDotBody_AsDocumented()
    {
        var body = Encoding.UTF8.GetBytes("""{"update_id":"LPR-1","status":"closed"}""");
        var timestamp = Now.ToUnixTimeSeconds();

        // What a receiver computes by the README's recipe, independently of the code under test.
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}.{Encoding.UTF8.GetString(body)}")));

        Assert.Equal(expected, WebhookSignature.Sign(Secret, timestamp, body));
        Assert.True(WebhookSignature.IsValid(Secret, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), expected, body, Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("body")]
    [InlineData("secret")]
    [InlineData("timestamp")]
    [InlineData("stale")]
    [InlineData("missing")]
    public void IsValid_RefusesAnyChange(string broken)
    {
        var body = Encoding.UTF8.GetBytes("""{"status":"open"}""");
        var timestamp = Now.ToUnixTimeSeconds();
        var signature = WebhookSignature.Sign(Secret, timestamp, body);
        var stamp = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var valid = broken switch
        {
            "body" => WebhookSignature.IsValid(Secret, stamp, signature, Encoding.UTF8.GetBytes("""{"status":"closed"}"""), Now, TimeSpan.FromMinutes(5)),
            "secret" => WebhookSignature.IsValid(Secret + "x", stamp, signature, body, Now, TimeSpan.FromMinutes(5)),
            "timestamp" => WebhookSignature.IsValid(Secret, (timestamp + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body, Now, TimeSpan.FromMinutes(5)),
            "stale" => WebhookSignature.IsValid(Secret, stamp, signature, body, Now.AddMinutes(6), TimeSpan.FromMinutes(5)),
            _ => WebhookSignature.IsValid(Secret, stamp, null, body, Now, TimeSpan.FromMinutes(5)),
        };

        Assert.False(valid);
    }
}
