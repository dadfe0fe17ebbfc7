using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>
/// Ties a field to its server-side error for screen readers (WCAG 3.3.1, 4.1.2): a field with an error
/// gets <c>aria-invalid="true"</c>, Bootstrap's <c>is-invalid</c>, and <c>aria-describedby</c> pointing at
/// its <c>asp-validation-for</c> message, which gets an id for that. Runs after the framework's helpers.
/// </summary>
[HtmlTargetElement("input", Attributes = ForAttribute)]
[HtmlTargetElement("select", Attributes = ForAttribute)]
[HtmlTargetElement("textarea", Attributes = ForAttribute)]
[HtmlTargetElement("span", Attributes = MessageForAttribute)]
public sealed class ValidationAriaTagHelper : TagHelper
{
    private const string ForAttribute = "asp-for";
    private const string MessageForAttribute = "asp-validation-for";

    public override int Order => 1000;

    [HtmlAttributeName(ForAttribute)]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(MessageForAttribute)]
    public ModelExpression? MessageFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (MessageFor is { } message)
        {
            if (!output.Attributes.ContainsName("id"))
            {
                output.Attributes.SetAttribute("id", ErrorId(message));
            }

            return;
        }

        if (For is not { } field || output.Attributes["type"]?.Value?.ToString() is "hidden" || !HasError(field))
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        output.AddClass("is-invalid", System.Text.Encodings.Web.HtmlEncoder.Default);
        var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
        output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? ErrorId(field) : $"{describedBy} {ErrorId(field)}");
    }

    private bool HasError(ModelExpression field) =>
        ViewContext.ViewData.ModelState.TryGetValue(FullName(field), out var entry) && entry.Errors.Count > 0;

    private string FullName(ModelExpression field) => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);

    private string ErrorId(ModelExpression field) => TagBuilder.CreateSanitizedId(FullName(field), "_") + "-error";
}
