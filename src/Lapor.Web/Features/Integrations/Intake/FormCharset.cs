using System.Text;
using Microsoft.Net.Http.Headers;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// The character set of a form callback: the <c>charset</c> its Content-Type declares (an SMS gateway may
/// still send ISO-8859-1 or windows-1252), UTF-8 when it declares none.
/// </summary>
public static class FormCharset
{
    /// <summary>The declared encoding; null for a charset .NET does not know (refused, rather than guessed).</summary>
    public static Encoding? Of(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || HeaderUtilities.RemoveQuotes(type.Charset).Value is not { Length: > 0 } name)
        {
            return Encoding.UTF8;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            // The Windows code pages ship with .NET but are not registered globally; asked for here only.
            return CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
    }

    /// <summary>The declared charset's name, for the refusal.</summary>
    public static string? Name(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Charset).Value : null;
}
