namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>What the GeoReport v2 discovery document tells client developers (configuration section <c>Open311</c>).</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>Who runs this endpoint (an e-mail address or web page); unset, a sentence in the caller's language.</summary>
    public string? Contact { get; set; }

    /// <summary>How a developer obtains an api_key; unset, a sentence in the caller's language.</summary>
    public string? KeyService { get; set; }

    /// <summary>Service requests per answer of GET requests (more with the <c>page</c> parameter, an extension).</summary>
    public int PageSize { get; set; } = 200;

    /// <summary>
    /// A POST without an Idempotency-Key whose body (fields and photo) repeats one of the same client's within
    /// this time is a retry: it answers with the report already filed. Apps resend after a lost answer within seconds.
    /// </summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When this API last changed, in the specification's date-time format.</summary>
    public string Changeset { get; set; } = "2026-12-01T00:00:00Z";
}
