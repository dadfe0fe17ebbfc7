using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>
/// The message of a hand-written field (one without <c>asp-for</c>, such as the tracking number or a
/// password that confirms an action): <c>&lt;span error-for="key"&gt;</c> shows the key's first error
/// after a hidden "Kesalahan:", as <c>asp-validation-for</c> messages do, and stays empty otherwise.
/// </summary>
[HtmlTargetElement("span", Attributes = KeyAttribute)]
public sealed class ErrorForTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    private const string KeyAttribute = "error-for";

    [HtmlAttributeName(KeyAttribute)]
    public string Key { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var error = ViewContext.ViewData.ModelState.TryGetValue(Key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
        if (error is null)
        {
            return;
        }

        var encoder = HtmlEncoder.Default;
        output.Content.SetHtmlContent(new HtmlString($"<span class=\"visually-hidden\">{encoder.Encode(t["Form.ErrorPrefix"])} </span>{encoder.Encode(error)}"));
    }
}
