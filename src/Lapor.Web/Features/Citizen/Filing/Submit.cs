using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Domain.Notifications;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Features.Shared.Workflow;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Citizen.Filing;

/// <summary>Filing a report at /lapor, by a guest or a signed-in citizen.</summary>
public static class Submit
{
    /// <summary>The whole form with five full-size files sent the plain way (without script); the 413 page names the limits.</summary>
    public const long MaxRequestBytes = 55 * 1024 * 1024;

    public sealed class Form : ReportFields
    {
        [Display(Name = "Form.Consent")]
        public bool Consent { get; set; }

        /// <summary>The optional point (see <see cref="Place"/>); the same pair as text, from the map or the phone.</summary>
        public string? Latitude { get; set; }

        public string? Longitude { get; set; }

        /// <summary>Files already uploaded for this form (by the page's script, or kept from a submission sent back with an error).</summary>
        public List<Guid> Staged { get; set; } = [];

        /// <summary>The running theme the citizen chose (optional); one that no longer runs is ignored at filing.</summary>
        public int? ThemeId { get; set; }

        /// <summary>
        /// "Tetap kirim laporan baru": the citizen has seen the similar open reports offered (<see cref="SupportOffers"/>)
        /// and files anyway. Only ever skips the offer: it is never asked for twice, and filing is never blocked.
        /// </summary>
        public bool KeepNew { get; set; }

        /// <summary>Set by the controller from the sign-in state, never from the request.</summary>
        [BindNever]
        public bool IsGuest { get; set; } = true;

        /// <summary>Set by the operator's controller, never from the request: a village operator files for a resident who came in person.</summary>
        [BindNever]
        public bool ForResident { get; set; }
    }

    public sealed class Validator : ReportFieldsValidator<Form>
    {
        public Validator(IStringLocalizer<CitizenResource> t, TimeProvider clock)
            : base(t, clock)
        {
            RuleFor(f => f.ReporterName)
                .NotEmpty().When(f => f.IsGuest && !f.IsAnonymous).WithMessage(_ => t["Validation.NameForNamedReport"]);
            RuleFor(f => f.Consent).Equal(true).WithMessage(f => f.ForResident ? t["Operator.ConsentRequired"] : t["Validation.Consent"]);

            // A resident's phone may be where they hear of the report (by SMS): one that is no number would lose them silently.
            RuleFor(f => f.ReporterPhone)
                .Must(phone => PhoneNumber.Canonical(phone) is not null)
                .When(f => f.ForResident && !string.IsNullOrWhiteSpace(f.ReporterPhone))
                .WithMessage(_ => t["Operator.PhoneForSms"]);
            RuleFor(f => f.Latitude).Must((f, _) => Place.IsValid(f.Latitude, f.Longitude)).WithMessage(_ => t["Validation.Place"]);
        }
    }

    public sealed class Handler(ReportFiling filing, Staging.Handler staging)
    {
        /// <summary>Stages the files sent with the form next to those staged before; the form then names only staged files.</summary>
        public async Task<Staging.Kept> StageAsync(Form form, string owner, CancellationToken cancellationToken)
        {
            var kept = await staging.KeepAsync(form.SubmissionToken, owner, form.Staged, form.Attachments, cancellationToken);
            form.Attachments.Clear();
            form.Staged = [.. kept.Staged.Select(s => s.Id)];
            return kept;
        }

        public Task<ReportFiling.Result> HandleAsync(Form form, string? userId, string owner, CancellationToken cancellationToken) =>
            filing.FileAsync(FilingOf(form, new Actor(userId, ActorRole.Citizen), Channel.Web, giveAccessCode: userId is null, owner), cancellationToken);

        /// <summary>
        /// A village operator's filing for a resident: channel "operator", an access code for the resident's slip,
        /// the resident's notices by SMS when they gave a phone and no e-mail, the consent stored with the report.
        /// </summary>
        public Task<ReportFiling.Result> FileForResidentAsync(
            Form form, string operatorUserId, string owner, ReportFiling.ForResident onBehalf, CancellationToken cancellationToken) =>
            filing.FileAsync(
                FilingOf(form, new Actor(operatorUserId, ActorRole.VillageOperator), Channel.Operator, giveAccessCode: true, owner) with
                {
                    Reply = OperatorFiling.NoticesBySms(form.ReporterEmail, form.ReporterPhone),
                    OnBehalf = onBehalf,
                },
                cancellationToken);

        private static ReportFiling.Filing FilingOf(Form form, Actor actor, Channel channel, bool giveAccessCode, string owner) =>
            new(form.ToDraft() with { Latitude = Place.Latitude(form.Latitude), Longitude = Place.Longitude(form.Longitude) },
                actor, channel, form.SubmissionToken, giveAccessCode, form.ReporterName, form.ReporterEmail, form.ReporterPhone, [])
            { Staged = form.Staged, StagedOwner = owner, ThemeId = form.ThemeId };
    }
}
