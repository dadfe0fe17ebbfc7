namespace Lapor.Web.Features.Integrations;

/// <summary>Marker type for the area's texts: Resources/Features/Integrations/IntegrationsResource.resx (Bahasa Indonesia) and IntegrationsResource.en.resx.</summary>
public sealed class IntegrationsResource;
