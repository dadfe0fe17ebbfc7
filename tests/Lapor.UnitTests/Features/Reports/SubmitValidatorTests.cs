using Lapor.UnitTests.Support;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Citizen;
using Lapor.Web.Features.Citizen.Filing;
using Microsoft.AspNetCore.Http;

namespace Lapor.UnitTests.Features.Reports;

public sealed class SubmitValidatorTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Validate_CompleteGuestReport_IsValid()
    {
        var result = Validator().Validate(ValidForm());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Validate_EmptyForm_ExplainsEachMissingFieldInIndonesian()
    {
        var result = Validator().Validate(new Submit.Form { IsGuest = true });

        Assert.Contains(result.Errors, e => e.PropertyName == "Classification" && e.ErrorMessage == "Pilih jenis laporan.");
        Assert.Contains(result.Errors, e => e.PropertyName == "Title" && e.ErrorMessage == "Judul laporan wajib diisi.");
        Assert.Contains(result.Errors, e => e.PropertyName == "Body" && e.ErrorMessage == "Isi laporan wajib diisi.");
        Assert.Contains(result.Errors, e => e.PropertyName == "ReporterName");
        Assert.Contains(result.Errors, e => e.PropertyName == "Consent");
    }

    [Fact]
    public void Validate_InEnglish_UsesEnglishMessages()
    {
        var result = Validator("en").Validate(new Submit.Form { IsGuest = true });

        Assert.Contains(result.Errors, e => e.PropertyName == "Title" && e.ErrorMessage == "Title is required.");
    }

    [Fact]
    public void Validate_AnonymousGuestWithoutName_IsValid()
    {
        var form = ValidForm();
        form.ReporterName = null;
        form.IsAnonymous = true;

        Assert.True(Validator().Validate(form).IsValid);
    }

    [Fact]
    public void Validate_SignedInCitizenWithoutName_IsValid()
    {
        var form = ValidForm();
        form.ReporterName = null;
        form.IsGuest = false;

        Assert.True(Validator().Validate(form).IsValid);
    }

    [Theory]
    [InlineData("Pendek")]
    [InlineData("")]
    public void Validate_TitleTooShortOrMissing_IsInvalid(string title)
    {
        var form = ValidForm();
        form.Title = title;

        Assert.Contains(Validator().Validate(form).Errors, e => e.PropertyName == "Title");
    }

    [Fact]
    public void Validate_IncidentDateInTheFuture_IsInvalid()
    {
        var form = ValidForm();
        form.IncidentDate = new DateOnly(2026, 12, 25);

        Assert.Contains(Validator().Validate(form).Errors, e => e.PropertyName == "IncidentDate" && e.ErrorMessage.Contains("masa depan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bukan-email", "ReporterEmail")]
    [InlineData("abc", "ReporterPhone")]
    public void Validate_MalformedContact_IsInvalid(string value, string field)
    {
        var form = ValidForm();
        if (field == "ReporterEmail")
        {
            form.ReporterEmail = value;
        }
        else
        {
            form.ReporterPhone = value;
        }

        Assert.Contains(Validator().Validate(form).Errors, e => e.PropertyName == field);
    }

    [Fact]
    public void Validate_SixAttachments_IsInvalid()
    {
        var form = ValidForm();
        form.Attachments = [.. Enumerable.Range(0, 6).Select(i => File($"foto{i}.jpg", 1000))];

        Assert.Contains(Validator().Validate(form).Errors, e => e.ErrorMessage == "Paling banyak 5 lampiran.");
    }

    [Theory]
    [InlineData("dokumen.docx", 1000)]
    [InlineData("skrip.exe", 1000)]
    [InlineData("foto.jpg", 11 * 1024 * 1024)]
    [InlineData("kosong.png", 0)]
    public void Validate_WrongTypeOrSize_IsInvalid(string name, long size)
    {
        var form = ValidForm();
        form.Attachments = [File(name, size)];

        Assert.Contains(Validator().Validate(form).Errors, e => e.ErrorMessage.Contains(name, StringComparison.Ordinal));
    }

    private static Submit.Validator Validator(string culture = "id") => new(Localizer.Create<CitizenResource>(culture), Clock);

    private static Submit.Form ValidForm() => new()
    {
        SubmissionToken = Guid.NewGuid(),
        Classification = Classification.Complaint,
        Title = "Jalan berlubang di Jl. Merdeka",
        Body = "Lubang besar di depan pasar membahayakan pengendara.",
        IncidentDate = new DateOnly(2026, 11, 20),
        ReporterName = "Andi",
        ReporterEmail = "andi@contoh.id",
        ReporterPhone = "+62 812-3456-7890",
        Consent = true,
        IsGuest = true,
    };

    private static FormFile File(string name, long size) => new(Stream.Null, 0, size, "Form.Attachments", name);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
