namespace Lapor.Web.Features.Administration;

/// <summary>Marker type for the area's texts: Resources/Features/Administration/AdministrationResource.resx (Bahasa Indonesia) and AdministrationResource.en.resx.</summary>
public sealed class AdministrationResource;
