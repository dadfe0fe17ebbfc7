using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Shared.Workflow;

/// <summary>What every filing form asks, whoever fills it in: the citizen at /lapor or staff entering a letter.</summary>
public abstract class ReportFields
{
    /// <summary>Generated when the form is first shown; a second POST with the same token files nothing new.</summary>
    public Guid SubmissionToken { get; set; }

    [Display(Name = "Form.Classification")]
    public Classification? Classification { get; set; }

    [Display(Name = "Form.Title")]
    public string? Title { get; set; }

    [Display(Name = "Form.Body")]
    public string? Body { get; set; }

    [Display(Name = "Form.IncidentDate")]
    public DateOnly? IncidentDate { get; set; }

    [Display(Name = "Form.Location")]
    public string? Location { get; set; }

    [Display(Name = "Form.Category")]
    public int? CategoryId { get; set; }

    [Display(Name = "Form.TargetAgency")]
    public int? TargetAgencyId { get; set; }

    [Display(Name = "Form.IsAnonymous")]
    public bool IsAnonymous { get; set; }

    [Display(Name = "Form.IsConfidential")]
    public bool IsConfidential { get; set; }

    [Display(Name = "Form.ReporterName")]
    public string? ReporterName { get; set; }

    [Display(Name = "Form.ReporterEmail")]
    public string? ReporterEmail { get; set; }

    [Display(Name = "Form.ReporterPhone")]
    public string? ReporterPhone { get; set; }

    [Display(Name = "Form.Attachments")]
    public List<IFormFile> Attachments { get; set; } = [];

    public ReportDraft ToDraft() =>
        new(Classification!.Value, Title!, Body!, IncidentDate, Location, null, null, CategoryId, TargetAgencyId, IsAnonymous, IsConfidential);
}

/// <summary>The rules shared by every filing form; each form's validator adds its own.</summary>
public abstract class ReportFieldsValidator<TForm> : AbstractValidator<TForm>
    where TForm : ReportFields
{
    private static readonly string[] AllowedExtensions = [".jpg", ".jpeg", ".png", ".pdf"];

    protected ReportFieldsValidator(IStringLocalizer t, TimeProvider clock)
    {
        RuleFor(f => f.Classification).NotNull().WithMessage(_ => t["Validation.ChooseClassification"]);
        RuleFor(f => f.Title)
            .NotEmpty().WithMessage(_ => t["Validation.Required", t["Form.Title"]])
            .Length(10, 150).WithMessage(_ => t["Validation.Length", t["Form.Title"], 10, 150]);
        RuleFor(f => f.Body)
            .NotEmpty().WithMessage(_ => t["Validation.Required", t["Form.Body"]])
            .Length(20, 5000).WithMessage(_ => t["Validation.Length", t["Form.Body"], 20, 5000]);
        RuleFor(f => f.IncidentDate)
            .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
            .WithMessage(_ => t["Validation.NotInFuture"]);
        RuleFor(f => f.Location).MaximumLength(300).WithMessage(_ => t["Validation.MaxLength", t["Form.Location"], 300]);
        RuleFor(f => f.ReporterName).MaximumLength(150).WithMessage(_ => t["Validation.MaxLength", t["Form.ReporterName"], 150]);
        RuleFor(f => f.ReporterEmail)
            .EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.ReporterEmail)).WithMessage(_ => t["Validation.Email"])
            .MaximumLength(256).WithMessage(_ => t["Validation.MaxLength", t["Form.ReporterEmail"], 256]);
        RuleFor(f => f.ReporterPhone)
            .Matches(@"^\+?[0-9 \-]{8,20}$").When(f => !string.IsNullOrWhiteSpace(f.ReporterPhone)).WithMessage(_ => t["Validation.Phone"]);
        RuleFor(f => f.Attachments)
            .Must(files => files.Count <= Report.MaxAttachments).WithMessage(_ => t["Validation.TooManyFiles", Report.MaxAttachments]);
        RuleForEach(f => f.Attachments)
            .Must(file => file.Length is > 0 and <= Attachment.MaxBytes).WithMessage((_, file) => t["Validation.FileSize", file.FileName, 10])
            .Must(file => AllowedExtensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()))
            .WithMessage((_, file) => t["Validation.FileType", file.FileName]);
    }
}
