using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Reports;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Inbox;

/// <summary>Staff record a report that came by letter, phone, walk-in or social media, keeping its channel and who entered it.</summary>
public static class ManualEntry
{
    public static readonly Channel[] Channels = [Channel.Letter, Channel.Phone, Channel.WalkIn, Channel.SocialMedia, Channel.Sms, Channel.WhatsApp, Channel.Telegram];

    public sealed class Form
    {
        public Guid SubmissionToken { get; set; }

        [Display(Name = "Inbox.Channel")]
        public Channel? Channel { get; set; }

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
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<SharedResource> t, TimeProvider clock)
        {
            RuleFor(f => f.Channel)
                .NotNull().WithMessage(_ => t["Validation.Required", t["Inbox.Channel"]])
                .Must(c => c is null || Channels.Contains(c.Value)).WithMessage(_ => t["Validation.UnknownChoice"]);
            RuleFor(f => f.Classification).NotNull().WithMessage(_ => t["Validation.ChooseClassification"]);
            RuleFor(f => f.Title)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["Form.Title"]])
                .Length(10, 150).WithMessage(_ => t["Validation.Length", t["Form.Title"], 10, 150]);
            RuleFor(f => f.Body)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["Form.Body"]])
                .Length(20, 5000).WithMessage(_ => t["Validation.Length", t["Form.Body"], 20, 5000]);
            RuleFor(f => f.IncidentDate)
                .Must(d => d is null || d <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1))).WithMessage(_ => t["Validation.NotInFuture"]);
            RuleFor(f => f.ReporterEmail).EmailAddress().When(f => !string.IsNullOrWhiteSpace(f.ReporterEmail)).WithMessage(_ => t["Validation.Email"]);
            RuleFor(f => f.ReporterPhone).Matches(@"^\+?[0-9 \-]{8,20}$").When(f => !string.IsNullOrWhiteSpace(f.ReporterPhone)).WithMessage(_ => t["Validation.Phone"]);
            RuleFor(f => f.Attachments).Must(files => files.Count <= Report.MaxAttachments).WithMessage(_ => t["Validation.TooManyFiles", Report.MaxAttachments]);
            RuleForEach(f => f.Attachments).Must(file => file.Length is > 0 and <= Attachment.MaxBytes).WithMessage((_, file) => t["Validation.FileSize", file.FileName, 10]);
        }
    }

    public sealed class Handler(ReportFiling filing)
    {
        public Task<ReportFiling.Result> HandleAsync(Form form, string staffUserId, ActorRole role, CancellationToken cancellationToken)
        {
            var draft = new ReportDraft(form.Classification!.Value, form.Title!, form.Body!, form.IncidentDate, form.Location, null, null,
                form.CategoryId, form.TargetAgencyId, form.IsAnonymous, form.IsConfidential);

            // The citizen has no account here: they get an access code, which staff pass on by phone or letter.
            return filing.FileAsync(
                new ReportFiling.Filing(draft, new Actor(staffUserId, role), form.Channel!.Value, form.SubmissionToken, GiveAccessCode: true,
                    form.ReporterName, form.ReporterEmail, form.ReporterPhone, form.Attachments),
                cancellationToken);
        }
    }

    public sealed record Page(Form Form, FormOptions.View Options);
}
