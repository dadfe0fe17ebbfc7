namespace Lapor.Web.Features.Citizen;

/// <summary>Marker type for the area's texts: Resources/Features/Citizen/CitizenResource.resx (Bahasa Indonesia) and CitizenResource.en.resx.</summary>
public sealed class CitizenResource;
