using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Forms;
using Lapor.Web.Features.Shared.Workflow;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.ManualEntries;

/// <summary>Staff record a report that came by letter, phone, walk-in or social media, keeping its channel and who entered it.</summary>
public static class ManualEntry
{
    public static readonly Channel[] Channels = [Channel.Letter, Channel.Phone, Channel.WalkIn, Channel.SocialMedia, Channel.Sms, Channel.WhatsApp, Channel.Telegram];

    public sealed class Form : ReportFields
    {
        [Display(Name = "Common.Channel")]
        public Channel? Channel { get; set; }
    }

    public sealed class Validator : ReportFieldsValidator<Form>
    {
        public Validator(IStringLocalizer<StaffWorkResource> t, TimeProvider clock)
            : base(t, clock) =>
            RuleFor(f => f.Channel)
                .NotNull().WithMessage(_ => t["Validation.Required", t["Common.Channel"]])
                .Must(c => c is null || Channels.Contains(c.Value)).WithMessage(_ => t["Validation.UnknownChoice"]);
    }

    public sealed class Handler(ReportFiling filing)
    {
        // The citizen has no account here: they get an access code, which staff pass on by phone or letter.
        public Task<ReportFiling.Result> HandleAsync(Form form, string staffUserId, ActorRole role, CancellationToken cancellationToken) =>
            filing.FileAsync(
                new ReportFiling.Filing(form.ToDraft(), new Actor(staffUserId, role), form.Channel!.Value, form.SubmissionToken, GiveAccessCode: true,
                    form.ReporterName, form.ReporterEmail, form.ReporterPhone, form.Attachments),
                cancellationToken);
    }

    public sealed record Page(Form Form, FormOptions.View Options);
}
