using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.DeadlinePolicy;

/// <summary>/admin/tenggat: the working-day limits of DESIGN §6, validated by the policy itself.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/tenggat")]
public sealed class DeadlinePolicyController(LaporDbContext db, DeadlineScheduleProvider schedules, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var policy = await db.DeadlinePolicies.AsNoTracking().FirstAsync(cancellationToken);
        return View(new PolicyForm
        {
            VerifyDays = policy.VerifyDays, FirstResponseDays = policy.FirstResponseDays, AspirationDays = policy.AspirationDays,
            InformationRequestDays = policy.InformationRequestDays, OrdinaryComplaintDays = policy.OrdinaryComplaintDays,
            InvestigationComplaintDays = policy.InvestigationComplaintDays, ReporterWindowDays = policy.ReporterWindowDays, HoldExpiryDays = policy.HoldExpiryDays,
            RequireFollowUpValidation = policy.RequireFollowUpValidation,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(PolicyForm form, CancellationToken cancellationToken)
    {
        var policy = await db.DeadlinePolicies.FirstAsync(cancellationToken);
        try
        {
            policy.Change(form.VerifyDays, form.FirstResponseDays, form.AspirationDays, form.InformationRequestDays,
                form.OrdinaryComplaintDays, form.InvestigationComplaintDays, form.ReporterWindowDays, form.HoldExpiryDays);
        }
        catch (DomainException rule)
        {
            ModelState.AddModelError("", t[$"Domain.{rule.Code}"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }

        var adminId = User.FindFirstValue(ClaimTypes.NameIdentifier);
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
        TempData[FlashMessage.SuccessKey] = t["Inbox.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }
}

/// <summary>Working days for each clock; new limits apply to clocks started from now on.</summary>
public sealed class PolicyForm
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
