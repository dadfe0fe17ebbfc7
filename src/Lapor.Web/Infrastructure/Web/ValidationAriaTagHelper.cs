using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>
/// Ties a field to its server-side error for screen readers (WCAG 3.3.1, 4.1.2): a field with an error
/// gets <c>aria-invalid="true"</c>, Bootstrap's <c>is-invalid</c>, and <c>aria-describedby</c> pointing at
/// its message (<see cref="FormErrors.MessageId"/>): the <c>asp-validation-for</c> span, which gets that id and a
/// hidden "Kesalahan:" before the text, or else the field's line in the error summary. Fields written by hand
/// (no <c>asp-for</c>) are matched to their error by name or id. Runs after the framework's helpers.
/// </summary>
[HtmlTargetElement("input")]
[HtmlTargetElement("select")]
[HtmlTargetElement("textarea")]
[HtmlTargetElement("span", Attributes = MessageForAttribute)]
public sealed class ValidationAriaTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
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
        var modelState = ViewContext.ViewData.ModelState;
        if (MessageFor is { } message)
        {
            var key = FullName(message);
            if (!output.Attributes.ContainsName("id"))
            {
                output.Attributes.SetAttribute("id", FormErrors.MessageId(key));
            }

            if (FormErrors.HasError(modelState, key))
            {
                output.PreContent.SetHtmlContent(new HtmlString($"<span class=\"visually-hidden\">{HtmlEncoder.Default.Encode(t["Form.ErrorPrefix"])} </span>"));
            }

            return;
        }

        if (modelState.ErrorCount == 0 || Value(output, "type") is "hidden")
        {
            return;
        }

        var field = For is { } expression ? FullName(expression) : FormErrors.KeyOf(modelState, Value(output, "name"), Value(output, "id"));
        if (field is null || !FormErrors.HasError(modelState, field))
        {
            return;
        }

        output.Attributes.SetAttribute("aria-invalid", "true");
        output.AddClass("is-invalid", HtmlEncoder.Default);
        var describedBy = (Value(output, "aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!describedBy.Contains(FormErrors.MessageId(field)))
        {
            describedBy.Add(FormErrors.MessageId(field));
        }

        output.Attributes.SetAttribute("aria-describedby", string.Join(' ', describedBy));
    }

    private static string? Value(TagHelperOutput output, string attribute) => output.Attributes[attribute]?.Value switch
    {
        null => null,
        HtmlString html => html.Value,
        IHtmlContent content => Render(content),
        var other => other.ToString(),
    };

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, NullHtmlEncoder.Default);
        return writer.ToString();
    }

    private string FullName(ModelExpression field) => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);
}
