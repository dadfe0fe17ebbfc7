namespace Lapor.Web.Features.Oversight;

/// <summary>Marker type for the area's texts: Resources/Features/Oversight/OversightResource.resx (Bahasa Indonesia) and OversightResource.en.resx.</summary>
public sealed class OversightResource;
