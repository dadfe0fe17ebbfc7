using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Data;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Privacy;

/// <summary>The privacy notice's text in Indonesian and English, kept as plain text (never HTML) and audited when changed.</summary>
public static class EditNotice
{
    public sealed class Form
    {
        [Display(Name = "PrivacyNotice.TextId")]
        public string? TextId { get; set; }

        [Display(Name = "PrivacyNotice.TextEn")]
        public string? TextEn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator(IStringLocalizer<AdministrationResource> t)
        {
            RuleFor(f => f.TextId)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["PrivacyNotice.TextId"]])
                .MaximumLength(PrivacyNotice.MaxLength).WithMessage(_ => t["Validation.MaxLength", t["PrivacyNotice.TextId"], PrivacyNotice.MaxLength]);
            RuleFor(f => f.TextEn)
                .NotEmpty().WithMessage(_ => t["Validation.Required", t["PrivacyNotice.TextEn"]])
                .MaximumLength(PrivacyNotice.MaxLength).WithMessage(_ => t["Validation.MaxLength", t["PrivacyNotice.TextEn"], PrivacyNotice.MaxLength]);
        }
    }

    /// <summary>The notice as it stands, for the form.</summary>
    public sealed class QueryHandler(LaporDbContext db)
    {
        public async Task<Form> HandleAsync(CancellationToken cancellationToken) =>
            await db.PrivacyNotices.AsNoTracking().Select(n => new Form { TextId = n.TextId, TextEn = n.TextEn }).FirstOrDefaultAsync(cancellationToken) ?? new Form();
    }

    public sealed class Handler(LaporDbContext db, TimeProvider clock)
    {
        /// <summary>Saves a validated form and audits the change.</summary>
        public async Task HandleAsync(Form form, string? adminId, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var notice = await db.PrivacyNotices.FirstOrDefaultAsync(cancellationToken);
            if (notice is null)
            {
                db.PrivacyNotices.Add(new PrivacyNotice(form.TextId!, form.TextEn!, now));
            }
            else
            {
                notice.Change(form.TextId!, form.TextEn!, now);
            }

            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, adminId, "PrivacyNotice", "1", "privacy notice changed", null, now));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
