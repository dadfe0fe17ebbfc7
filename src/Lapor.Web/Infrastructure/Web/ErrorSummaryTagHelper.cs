using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>
/// Every form sent back with errors opens with one error summary (WCAG 3.3.1, GOV.UK's pattern): a heading and a
/// link to each field with an error, in the order of the form, plus errors that belong to no field. It goes on the
/// form that was sent (the one whose action is the current address), once per page; <c>site.js</c> moves focus to it
/// (<c>tabindex="-1"</c>). No view needs to ask for it.
/// </summary>
[HtmlTargetElement("form")]
public sealed partial class ErrorSummaryTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public const string Id = "error-summary";
    private const string RenderedKey = "lapor.error-summary";

    public override int Order => 1000;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var modelState = ViewContext.ViewData.ModelState;
        var http = ViewContext.HttpContext;
        if (modelState.ErrorCount == 0 || http.Items.ContainsKey(RenderedKey) || !IsSentHere(output.Attributes["action"]?.Value?.ToString(), http.Request))
        {
            return;
        }

        http.Items[RenderedKey] = true;
        var fields = (await output.GetChildContentAsync()).GetContent();
        output.PreContent.AppendHtml(Summary(modelState, fields));
    }

    /// <summary>A form without an action posts to the current address; otherwise the paths must be the same.</summary>
    private static bool IsSentHere(string? action, HttpRequest request)
    {
        if (string.IsNullOrEmpty(action))
        {
            return true;
        }

        var path = action.Split('?', '#')[0];
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute))
        {
            path = absolute.AbsolutePath;
        }

        return string.Equals(Uri.UnescapeDataString(path).TrimEnd('/'), (request.PathBase + request.Path).Value?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }

    private HtmlString Summary(ModelStateDictionary modelState, string fields)
    {
        var errors = modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .Select(e => (e.Key, Target: e.Key.Length == 0 ? null : Target(e.Key, fields), e.Value!.Errors))
            .OrderBy(e => e.Key.Length == 0 ? -1 : e.Target is null ? int.MaxValue : fields.IndexOf($"id=\"{e.Target}\"", StringComparison.Ordinal));

        var html = new StringBuilder();
        var encoder = HtmlEncoder.Default;
        html.Append($"<div id=\"{Id}\" class=\"alert alert-danger error-summary\" role=\"alert\" aria-labelledby=\"{Id}-title\" tabindex=\"-1\">");
        // "Check the fields below" only when there are fields to check (not for a limit reached or a wrong password).
        var heading = errors.Any(e => e.Key.Length > 0) ? t["Form.ErrorSummary"] : t["Form.NotSent"];
        html.Append($"<h2 id=\"{Id}-title\" class=\"h6 fw-bold\">{encoder.Encode(heading)}</h2><ul class=\"mb-0\">");
        foreach (var (key, target, messages) in errors)
        {
            // A field without a message of its own beside it is described by its line here.
            var messageId = key.Length == 0 ? null : DescribedBy(FormErrors.MessageId(key), fields);
            var ownId = messageId is not null && !fields.Contains($"id=\"{messageId}\"", StringComparison.Ordinal);
            foreach (var error in messages)
            {
                var text = encoder.Encode(error.ErrorMessage);
                html.Append(ownId ? $"<li id=\"{encoder.Encode(messageId!)}\">" : "<li>");
                html.Append(target is null ? text : $"<a class=\"alert-link\" href=\"#{encoder.Encode(target)}\">{text}</a>");
                html.Append("</li>");
                ownId = false;
            }
        }

        html.Append("</ul></div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>
    /// The id of the field to go to: the one ASP.NET Core gives the key, or else the first visible field named after it
    /// (radio buttons and hand-written fields carry ids of their own).
    /// </summary>
    private static string? Target(string key, string fields)
    {
        // ModelState keys ignore case ("form.Body" finds "Form.Body"): so does the search, which returns the page's spelling.
        var id = Regex.Match(fields, $"\\bid=\"({Regex.Escape(FormErrors.FieldId(key))})\"", RegexOptions.IgnoreCase);
        if (id.Success)
        {
            return id.Groups[1].Value;
        }

        var name = $"name=\"{HtmlEncoder.Default.Encode(key)}\"";
        foreach (Match field in FieldTag().Matches(fields))
        {
            if (field.Value.Contains(name, StringComparison.OrdinalIgnoreCase) && !field.Value.Contains("type=\"hidden\"", StringComparison.Ordinal)
                && IdAttribute().Match(field.Value) is { Success: true } found)
            {
                return WebUtility.HtmlDecode(found.Groups[1].Value);
            }
        }

        return null;
    }

    /// <summary>The spelling of a field's message id as the field's aria-describedby has it, if a field refers to it.</summary>
    private static string? DescribedBy(string messageId, string fields) => DescribedByAttribute().Matches(fields)
        .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .FirstOrDefault(token => token.Equals(messageId, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("\\baria-describedby=\"([^\"]*)\"")]
    private static partial Regex DescribedByAttribute();

    [GeneratedRegex("<(?:input|select|textarea)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FieldTag();

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
