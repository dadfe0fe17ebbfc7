using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>Writes a GeoReport v2 document in the format the address asked for (<c>.json</c> or <c>.xml</c>).</summary>
public sealed class Open311Result(string format, object document, int statusCode = StatusCodes.Status200OK) : IActionResult
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        // Indonesian and other letters as they are; characters that matter in HTML stay escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
    private static readonly XmlSerializerNamespaces NoNamespaces = new([System.Xml.XmlQualifiedName.Empty]);
    private static readonly ConcurrentDictionary<Type, XmlSerializer> Serializers = new();

    /// <summary>The text without the characters XML 1.0 cannot carry (most control characters), so one report cannot break the feed.</summary>
    public static string XmlSafe(string text) =>
        text.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)) ? new string([.. text.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c))]) : text;

    public static bool IsXml(string format) => string.Equals(format, "xml", StringComparison.OrdinalIgnoreCase);

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = statusCode;
        if (IsXml(format))
        {
            response.ContentType = "text/xml; charset=utf-8";
            var serializer = Serializers.GetOrAdd(document.GetType(), type => new XmlSerializer(type));
            var buffer = new MemoryStream();
            using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
            {
                serializer.Serialize(writer, document, NoNamespaces);
            }

            buffer.Position = 0;
            await buffer.CopyToAsync(response.Body, context.HttpContext.RequestAborted);
            return;
        }

        response.ContentType = "application/json; charset=utf-8";
        var json = document is IOpen311Document shaped ? shaped.Json : document;
        await JsonSerializer.SerializeAsync(response.Body, json, json.GetType(), Json, context.HttpContext.RequestAborted);
    }
}
