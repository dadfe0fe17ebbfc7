using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Lapor.TestSupport;

/// <summary>A fetched page, parsed, so tests can read forms and text as a browser would.</summary>
public sealed class HtmlPage
{
    private HtmlPage(HttpResponseMessage response, string html)
    {
        Response = response;
        Html = html;
        Document = new HtmlParser().ParseDocument(html);
    }

    public HttpResponseMessage Response { get; }

    public HttpStatusCode Status => Response.StatusCode;

    public string Html { get; }

    public IHtmlDocument Document { get; }

    public string Text => Document.Body?.TextContent ?? "";

    public static async Task<HtmlPage> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return new HtmlPage(response, await response.Content.ReadAsStringAsync());
    }

    public static async Task<HtmlPage> FromAsync(HttpResponseMessage response) => new(response, await response.Content.ReadAsStringAsync());

    /// <summary>The antiforgery token of the form posting to <paramref name="action"/>.</summary>
    public string AntiforgeryToken(string action)
    {
        var form = Document.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posts to {action}.");
        return form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")?.Value
            ?? throw new InvalidOperationException($"The form posting to {action} has no antiforgery token.");
    }

    public string InputValue(string name) =>
        Document.QuerySelector<IHtmlInputElement>($"input[name='{name}']")?.Value ?? throw new InvalidOperationException($"No input {name}.");

    /// <summary>The message beside a field, as seen (without the "Kesalahan:" read only to screen readers).</summary>
    public string? FieldError(string field) =>
        Document.QuerySelector($"[data-valmsg-for='{field}']") is { } message
        && string.Concat(message.ChildNodes.Where(n => n is not IElement { ClassName: "visually-hidden" }).Select(n => n.TextContent)) is { Length: > 0 } text
            ? text
            : null;
}
