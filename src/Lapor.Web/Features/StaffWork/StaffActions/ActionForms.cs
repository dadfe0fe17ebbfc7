using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Lapor.Web.Domain.Reports;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.StaffActions;

/// <summary>The small forms behind the buttons on a report's staff page. Each carries the version the user saw.</summary>
public abstract class ActionForm
{
    public int Version { get; set; }

    /// <summary>"Simpan &amp; berikutnya": after saving, open the next report of the list the user came from.</summary>
    public bool Next { get; set; }
}

/// <summary>Officer or agency head: the share goes to this colleague (the user themself to take it).</summary>
public sealed class EntrustForm : ActionForm
{
    [Display(Name = "Inbox.Bulk.Colleague")]
    public string? OfficerUserId { get; set; }
}

/// <summary>Coordinator: verify and route to one or more agencies.</summary>
public sealed class VerifyForm : ActionForm
{
    [Display(Name = "Inbox.Agencies")]
    public List<int> AgencyIds { get; set; } = [];

    [Display(Name = "Inbox.ComplaintKind")]
    public ComplaintKind? ComplaintKind { get; set; }

    [Display(Name = "Inbox.PublicTitle")]
    public string? PublicTitle { get; set; }

    [Display(Name = "Inbox.PublicSummary")]
    public string? PublicSummary { get; set; }

    /// <summary>The category as the coordinator sets it (the reporter's, a suggestion, or another); null keeps the report's.</summary>
    [Display(Name = "Inbox.Category")]
    public int? CategoryId { get; set; }

    /// <summary>The model whose suggestion the form showed, so what became of it is recorded.</summary>
    public int? TriageModelId { get; set; }

    /// <summary>A suggestion's "forward here" button: verify to this agency alone, whatever is ticked in the tree.</summary>
    public int? TakeAgencyId { get; set; }

    /// <summary>The agencies the report goes to: the suggestion taken, or those ticked.</summary>
    public IReadOnlyList<int> Chosen => TakeAgencyId is { } taken ? [taken] : AgencyIds;
}

/// <summary>A message: hold question, response, note, information request, final response.</summary>
public sealed class MessageForm : ActionForm
{
    [Display(Name = "Inbox.Message")]
    public string? Text { get; set; }

    /// <summary>Whether a response is shown on the public page or to the reporter only.</summary>
    public bool Public { get; set; }
}

public sealed class ArchiveForm : ActionForm
{
    [Display(Name = "Inbox.ArchiveReason")]
    public ArchiveReason? Reason { get; set; }

    [Display(Name = "Inbox.MessageToReporter")]
    public string? Text { get; set; }

    [Display(Name = "Inbox.DuplicateOf")]
    public string? DuplicateOf { get; set; }
}

/// <summary>"Duplikat dari": the report this one repeats (a suggestion's tracking number).</summary>
public sealed class DuplicateForm : ActionForm
{
    [Display(Name = "Inbox.DuplicateOf")]
    public string? Original { get; set; }
}

/// <summary>Coordinator: an agency to add, withdraw, remind, or re-route from (<see cref="ToAgencyId"/> then names the new one); or a final response to validate.</summary>
public sealed class AgencyForm : ActionForm
{
    [Display(Name = "Common.Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Inbox.ForwardTo")]
    public int? ToAgencyId { get; set; }

    [Display(Name = "Common.Reason")]
    public string? Text { get; set; }
}

/// <summary>Officer: delegate to a sub-unit or refer to another agency.</summary>
public sealed class ForwardForm : ActionForm
{
    [Display(Name = "Inbox.ForwardTo")]
    public int? ToAgencyId { get; set; }

    [Display(Name = "Common.Reason")]
    public string? Text { get; set; }
}

public sealed class MessageFormValidator : AbstractValidator<MessageForm>
{
    public MessageFormValidator(IStringLocalizer<StaffWorkResource> t) =>
        RuleFor(f => f.Text)
            .NotEmpty().WithMessage(_ => t["Validation.Required", t["Inbox.Message"]])
            .MaximumLength(5000).WithMessage(_ => t["Validation.MaxLength", t["Inbox.Message"], 5000]);
}

public sealed class VerifyFormValidator : AbstractValidator<VerifyForm>
{
    public VerifyFormValidator(IStringLocalizer<StaffWorkResource> t)
    {
        RuleFor(f => f.AgencyIds).NotEmpty().When(f => f.TakeAgencyId is null).WithMessage(_ => t["Domain.Verify.NoAgency"]);
        RuleFor(f => f.PublicTitle).MaximumLength(150).WithMessage(_ => t["Validation.MaxLength", t["Inbox.PublicTitle"], 150]);
        RuleFor(f => f.PublicSummary).MaximumLength(1000).WithMessage(_ => t["Validation.MaxLength", t["Inbox.PublicSummary"], 1000]);
    }
}

public sealed class ArchiveFormValidator : AbstractValidator<ArchiveForm>
{
    public ArchiveFormValidator(IStringLocalizer<StaffWorkResource> t)
    {
        RuleFor(f => f.Reason).NotNull().WithMessage(_ => t["Validation.Required", t["Inbox.ArchiveReason"]]);
        RuleFor(f => f.Text)
            .NotEmpty().WithMessage(_ => t["Validation.Required", t["Inbox.MessageToReporter"]])
            .MaximumLength(5000).WithMessage(_ => t["Validation.MaxLength", t["Inbox.MessageToReporter"], 5000]);
        RuleFor(f => f.DuplicateOf)
            .NotEmpty().When(f => f.Reason == ArchiveReason.Duplicate).WithMessage(_ => t["Domain.Archive.DuplicateNeedsLink"]);
    }
}

public sealed class DuplicateFormValidator : AbstractValidator<DuplicateForm>
{
    public DuplicateFormValidator(IStringLocalizer<StaffWorkResource> t) =>
        RuleFor(f => f.Original).NotEmpty().WithMessage(_ => t["Domain.Archive.DuplicateNeedsLink"]);
}

public sealed class ForwardFormValidator : AbstractValidator<ForwardForm>
{
    public ForwardFormValidator(IStringLocalizer<StaffWorkResource> t)
    {
        RuleFor(f => f.ToAgencyId).NotNull().WithMessage(_ => t["Validation.Required", t["Inbox.ForwardTo"]]);
        RuleFor(f => f.Text)
            .NotEmpty().WithMessage(_ => t["Validation.Required", t["Common.Reason"]])
            .MaximumLength(2000).WithMessage(_ => t["Validation.MaxLength", t["Common.Reason"], 2000]);
    }
}

public sealed class AgencyFormValidator : AbstractValidator<AgencyForm>
{
    public AgencyFormValidator(IStringLocalizer<StaffWorkResource> t)
    {
        RuleFor(f => f.AgencyId).NotNull().WithMessage(_ => t["Validation.Required", t["Common.Agency"]]);
        RuleFor(f => f.Text).MaximumLength(2000).WithMessage(_ => t["Validation.MaxLength", t["Common.Reason"], 2000]);
    }
}

public sealed class EntrustFormValidator : AbstractValidator<EntrustForm>
{
    public EntrustFormValidator(IStringLocalizer<StaffWorkResource> t) =>
        RuleFor(f => f.OfficerUserId).NotEmpty().WithMessage(_ => t["Validation.Required", t["Inbox.Bulk.Colleague"]]);
}
