using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.StaffWork.Templates;

public sealed class TemplateForm
{
    [Display(Name = "Templates.Agency")]
    public int AgencyId { get; set; }

    [Display(Name = "Templates.TitleField")]
    public string? Title { get; set; }

    [Display(Name = "Templates.Body")]
    public string? Body { get; set; }
}

public sealed class TemplateFormValidator : AbstractValidator<TemplateForm>
{
    public TemplateFormValidator(IStringLocalizer<StaffWorkResource> t)
    {
        RuleFor(f => f.Title)
            .NotEmpty().WithMessage(_ => t["Validation.Required", t["Templates.TitleField"]])
            .MaximumLength(200).WithMessage(_ => t["Validation.MaxLength", t["Templates.TitleField"], 200]);
        RuleFor(f => f.Body)
            .NotEmpty().WithMessage(_ => t["Validation.Required", t["Templates.Body"]])
            .MaximumLength(4000).WithMessage(_ => t["Validation.MaxLength", t["Templates.Body"], 4000]);
    }
}
