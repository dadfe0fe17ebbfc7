using FluentValidation;
using Lapor.Web.Domain.Reports;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using System.ComponentModel.DataAnnotations;

namespace Lapor.Web.Features.Reports;

/// <summary>Filing a report at /lapor, by a guest or a signed-in citizen.</summary>
public static class Submit
{
    public sealed class Form
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

        [Display(Name = "Form.Consent")]
        public bool Consent { get; set; }

        [Display(Name = "Form.Attachments")]
        public List<IFormFile> Attachments { get; set; } = [];

        /// <summary>Set by the controller from the sign-in state, never from the request.</summary>
        [BindNever]
        public bool IsGuest { get; set; } = true;
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        private static readonly string[] AllowedExtensions = [".jpg", ".jpeg", ".png", ".pdf"];

        public Validator(IStringLocalizer<SharedResource> t, TimeProvider clock)
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
            RuleFor(f => f.ReporterName)
                .NotEmpty().When(f => f.IsGuest && !f.IsAnonymous).WithMessage(_ => t["Validation.NameForNamedReport"])
                .MaximumLength(150).WithMessage(_ => t["Validation.MaxLength", t["Form.ReporterName"], 150]);
            RuleFor(f => f.ReporterEmail)
                .EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.ReporterEmail)).WithMessage(_ => t["Validation.Email"])
                .MaximumLength(256).WithMessage(_ => t["Validation.MaxLength", t["Form.ReporterEmail"], 256]);
            RuleFor(f => f.ReporterPhone)
                .Matches(@"^\+?[0-9 \-]{8,20}$").When(f => !string.IsNullOrWhiteSpace(f.ReporterPhone)).WithMessage(_ => t["Validation.Phone"]);
            RuleFor(f => f.Consent).Equal(true).WithMessage(_ => t["Validation.Consent"]);
            RuleFor(f => f.Attachments)
                .Must(files => files.Count <= Report.MaxAttachments).WithMessage(_ => t["Validation.TooManyFiles", Report.MaxAttachments]);
            RuleForEach(f => f.Attachments)
                .Must(file => file.Length is > 0 and <= Attachment.MaxBytes).WithMessage((_, file) => t["Validation.FileSize", file.FileName, 10])
                .Must(file => AllowedExtensions.Contains(Path.GetExtension(file.FileName).ToLowerInvariant()))
                .WithMessage((_, file) => t["Validation.FileType", file.FileName]);
        }
    }

    public sealed class Handler(ReportFiling filing)
    {
        public Task<ReportFiling.Result> HandleAsync(Form form, string? userId, CancellationToken cancellationToken)
        {
            var draft = new ReportDraft(form.Classification!.Value, form.Title!, form.Body!, form.IncidentDate, form.Location, null, null,
                form.CategoryId, form.TargetAgencyId, form.IsAnonymous, form.IsConfidential);
            return filing.FileAsync(
                new ReportFiling.Filing(draft, new Actor(userId, ActorRole.Citizen), Channel.Web, form.SubmissionToken, GiveAccessCode: userId is null,
                    form.ReporterName, form.ReporterEmail, form.ReporterPhone, form.Attachments),
                cancellationToken);
        }
    }
}
