using System.ComponentModel.DataAnnotations;
using FluentValidation;
using FluentValidation.Results;
using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.DeadlinePolicy;

/// <summary>The region's working-day limits of DESIGN §6 and the follow-up validation switch; the limits are checked by the policy itself.</summary>
public static class EditPolicy
{
    /// <summary>Working days for each clock; new limits apply to clocks started from now on.</summary>
    public sealed class Form
    {
        [Display(Name = "Policy.VerifyDays")]
        public int VerifyDays { get; set; }

        [Display(Name = "Policy.FirstResponseDays")]
        public int FirstResponseDays { get; set; }

        [Display(Name = "Policy.AspirationDays")]
        public int AspirationDays { get; set; }

        [Display(Name = "Policy.InformationRequestDays")]
        public int InformationRequestDays { get; set; }

        [Display(Name = "Policy.OrdinaryComplaintDays")]
        public int OrdinaryComplaintDays { get; set; }

        [Display(Name = "Policy.InvestigationComplaintDays")]
        public int InvestigationComplaintDays { get; set; }

        [Display(Name = "Policy.ReporterWindowDays")]
        public int ReporterWindowDays { get; set; }

        [Display(Name = "Policy.HoldExpiryDays")]
        public int HoldExpiryDays { get; set; }

        /// <summary>Follow-up validation ("menunggu validasi"): final responses wait for the coordinator or the inspectorate before the reporter judges them.</summary>
        [Display(Name = "Policy.RequireFollowUpValidation")]
        public bool RequireFollowUpValidation { get; set; }
    }

    /// <summary>Asks the policy itself whether the limits are allowed; its refusal shows above the form, not under a field.</summary>
    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t) =>
            RuleFor(f => f.VerifyDays).Custom((_, context) =>
            {
                var f = context.InstanceToValidate;
                try
                {
                    Domain.Deadlines.DeadlinePolicy.Default.Change(f.VerifyDays, f.FirstResponseDays, f.AspirationDays, f.InformationRequestDays,
                        f.OrdinaryComplaintDays, f.InvestigationComplaintDays, f.ReporterWindowDays, f.HoldExpiryDays);
                }
                catch (DomainException rule)
                {
                    context.AddFailure(new ValidationFailure(string.Empty, t[$"Domain.{rule.Code}"]));
                }
            });
    }

    /// <summary>The policy as it stands, for the form.</summary>
    public sealed class QueryHandler(LaporDbContext db)
    {
        public async Task<Form> HandleAsync(CancellationToken cancellationToken)
        {
            var policy = await db.DeadlinePolicies.AsNoTracking().OrderBy(p => p.Id).FirstAsync(cancellationToken);
            return new Form
            {
                VerifyDays = policy.VerifyDays, FirstResponseDays = policy.FirstResponseDays, AspirationDays = policy.AspirationDays,
                InformationRequestDays = policy.InformationRequestDays, OrdinaryComplaintDays = policy.OrdinaryComplaintDays,
                InvestigationComplaintDays = policy.InvestigationComplaintDays, ReporterWindowDays = policy.ReporterWindowDays, HoldExpiryDays = policy.HoldExpiryDays,
                RequireFollowUpValidation = policy.RequireFollowUpValidation,
            };
        }
    }

    public sealed class Handler(LaporDbContext db, DeadlineScheduleProvider schedules, TimeProvider clock)
    {
        /// <summary>Saves a validated form and audits the change.</summary>
        public async Task HandleAsync(Form form, string? adminId, CancellationToken cancellationToken)
        {
            var policy = await db.DeadlinePolicies.OrderBy(p => p.Id).FirstAsync(cancellationToken);
            policy.Change(form.VerifyDays, form.FirstResponseDays, form.AspirationDays, form.InformationRequestDays,
                form.OrdinaryComplaintDays, form.InvestigationComplaintDays, form.ReporterWindowDays, form.HoldExpiryDays);

            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "DeadlinePolicy", "1", "deadline policy changed", null, clock.GetUtcNow()));
            if (policy.RequireFollowUpValidation != form.RequireFollowUpValidation)
            {
                // Who turned validation on or off, and when, matters for reading the region's response times later.
                policy.SetFollowUpValidation(form.RequireFollowUpValidation);
                db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "DeadlinePolicy", "1",
                    form.RequireFollowUpValidation ? "follow-up validation on" : "follow-up validation off", null, clock.GetUtcNow()));
            }

            await db.SaveChangesAsync(cancellationToken);
            await schedules.InvalidateAsync(cancellationToken);
        }
    }
}
