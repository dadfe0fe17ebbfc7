using Lapor.UnitTests.Support;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Citizen;
using Lapor.Web.Features.Citizen.Filing;

namespace Lapor.UnitTests.Features.Operators;

/// <summary>The citizen's filing rules at a village operator's desk (<see cref="Submit.Form.ForResident"/>).</summary>
public sealed class ResidentFilingValidatorTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Validate_ResidentWithoutNameOrContact_IsValid()
    {
        var form = ResidentForm();
        (form.ReporterName, form.ReporterEmail, form.ReporterPhone) = (null, null, null);

        Assert.True(Validator().Validate(form).IsValid);
    }

    [Fact]
    public void Validate_WithoutConsent_SaysTheResidentMustAgree()
    {
        var form = ResidentForm();
        form.Consent = false;

        var error = Assert.Single(Validator().Validate(form).Errors);
        Assert.Equal(("Consent", "Laporan hanya dapat dikirim dengan persetujuan warga: tanyakan kepada warga, lalu centang pernyataan ini."), (error.PropertyName, error.ErrorMessage));
    }

    [Theory]
    [InlineData("81234567")]
    [InlineData("0000 0000")]
    public void Validate_APhoneThatIsNoNumber_IsRefusedAtTheDesk_NotOnTheCitizenForm(string phone)
    {
        var form = ResidentForm();
        form.ReporterPhone = phone;
        Assert.Contains(Validator().Validate(form).Errors, e => e.PropertyName == "ReporterPhone" && e.ErrorMessage.Contains("SMS", StringComparison.Ordinal));

        form.ForResident = false;
        Assert.DoesNotContain(Validator().Validate(form).Errors, e => e.PropertyName == "ReporterPhone");
    }

    [Fact]
    public void Validate_InEnglish_ConsentMessageIsEnglish()
    {
        var form = ResidentForm();
        form.Consent = false;

        Assert.Contains(Validator("en").Validate(form).Errors, e => e.ErrorMessage.StartsWith("A report can only be sent with the resident's consent", StringComparison.Ordinal));
    }

    private static Submit.Validator Validator(string culture = "id") => new(Localizer.Create<CitizenResource>(culture), Clock);

    private static Submit.Form ResidentForm() => new()
    {
        SubmissionToken = Guid.NewGuid(),
        Classification = Classification.Complaint,
        Title = "Jalan desa berlubang di depan SD",
        Body = "Lubang besar di depan SD Sukamaju membahayakan anak sekolah.",
        ReporterName = "Ibu Sumarni",
        ReporterPhone = "0812 3456 7890",
        Consent = true,
        IsGuest = false,
        ForResident = true,
    };

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
