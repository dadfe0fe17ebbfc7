using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;

namespace Lapor.Web.Features.Integrations.Open311;

/// <summary>
/// The portal's categories as Open311 services, and the attributes every service accepts (what the
/// web form asks besides the text: classification, anonymity, confidentiality, a title).
/// </summary>
public sealed class ServiceCatalogue(ReferenceData reference)
{
    public const string ClassificationAttribute = "classification";
    public const string AnonymousAttribute = "anonymous";
    public const string ConfidentialAttribute = "confidential";
    public const string TitleAttribute = "title";

    /// <summary>Every attribute code a POST may carry; any other is refused, never ignored.</summary>
    public static readonly IReadOnlyList<string> AttributeCodes = [ClassificationAttribute, TitleAttribute, AnonymousAttribute, ConfidentialAttribute];

    /// <summary>
    /// Active sub-categories (a report is filed under one, as on the web form), in the order of their
    /// group (the parent category) and name.
    /// </summary>
    public async Task<IReadOnlyList<Service>> ServicesAsync(bool english, CancellationToken cancellationToken)
    {
        var categories = (await reference.CategoriesAsync(cancellationToken)).Where(c => c.IsActive).ToDictionary(c => c.Id);
        return [.. categories.Values
            .Where(c => c.ParentId is { } parent && categories.ContainsKey(parent))
            .Select(c => (Category: c, Group: categories[c.ParentId!.Value]))
            .OrderBy(x => x.Group.NameIn(english), StringComparer.CurrentCulture).ThenBy(x => x.Category.NameIn(english), StringComparer.CurrentCulture)
            .Select(x => new Service
            {
                ServiceCode = x.Category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ServiceName = x.Category.NameIn(english),
                Description = $"{x.Group.NameIn(english)} › {x.Category.NameIn(english)}",
                Metadata = true,
                Group = x.Group.NameIn(english),
            })];
    }

    public async Task<Service?> FindAsync(string serviceCode, bool english, CancellationToken cancellationToken) =>
        (await ServicesAsync(english, cancellationToken)).FirstOrDefault(s => s.ServiceCode == serviceCode);

    /// <summary>The same attributes for every service: the choices the web form offers besides the text.</summary>
    public static List<ServiceAttribute> Attributes(Func<string, string> text) =>
    [
        new()
        {
            Code = ClassificationAttribute, Datatype = "singlevaluelist", Order = 1, Description = text("Open311.Attribute.Classification"),
            Values = [.. Enum.GetValues<Classification>().Select(c => new AttributeValue { Key = c.ToString(), Name = text($"Classification.{c}") })],
        },
        new()
        {
            Code = TitleAttribute, Datatype = "string", Order = 2, Description = text("Open311.Attribute.Title"),
            DatatypeDescription = text("Open311.Attribute.TitleFormat"),
        },
        YesNo(AnonymousAttribute, 3, text("Open311.Attribute.Anonymous"), text),
        YesNo(ConfidentialAttribute, 4, text("Open311.Attribute.Confidential"), text),
    ];

    private static ServiceAttribute YesNo(string code, int order, string description, Func<string, string> text) => new()
    {
        Code = code, Datatype = "singlevaluelist", Order = order, Description = description,
        Values = [new() { Key = "false", Name = text("Open311.No") }, new() { Key = "true", Name = text("Open311.Yes") }],
    };
}
