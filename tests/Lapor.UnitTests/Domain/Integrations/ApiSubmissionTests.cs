using Lapor.Web.Domain.Integrations;

namespace Lapor.UnitTests.Domain.Integrations;

/// <summary>The fingerprint that tells a retried Open311 POST from a new report.</summary>
public sealed class ApiSubmissionTests
{
    private static readonly KeyValuePair<string, string>[] Fields =
    [
        new("service_code", "12"), new("description", "Lampu mati"), new("lat", "-6.2"), new("long", "106.8"), new("api_key", "lpr_satu"),
    ];

    [Fact]
    public void Fingerprint_IgnoresFieldOrderAndTheKey()
    {
        var reordered = Fields.Reverse().Select(f => f.Key == "api_key" ? new KeyValuePair<string, string>("api_key", "lpr_kunci_baru") : f);

        Assert.Equal(ApiSubmission.Fingerprint(Fields, []), ApiSubmission.Fingerprint(reordered, []));
    }

    [Fact]
    public void Fingerprint_ChangesWithAnyValueAndWithTheFile()
    {
        var plain = ApiSubmission.Fingerprint(Fields, []);
        var otherText = ApiSubmission.Fingerprint(Fields.Select(f => f.Key == "description" ? new KeyValuePair<string, string>(f.Key, "Lampu mati total") : f), []);
        var withPhoto = ApiSubmission.Fingerprint(Fields, [0xFF, 0xD8, 0xFF, 1]);
        var otherPhoto = ApiSubmission.Fingerprint(Fields, [0xFF, 0xD8, 0xFF, 2]);

        Assert.Equal(4, new[] { plain, otherText, withPhoto, otherPhoto }.Distinct().Count());
        Assert.Equal(64, plain.Length);
    }

    [Fact]
    public void Fingerprint_NamesAndValuesCannotBeShiftedIntoEachOther()
    {
        // "a" = "b=c" and "a=b" = "c" would write the same text without the lengths.
        Assert.NotEqual(
            ApiSubmission.Fingerprint([new("a", "b=c")], []),
            ApiSubmission.Fingerprint([new("a=b", "c")], []));
    }
}
