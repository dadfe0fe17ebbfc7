namespace Lapor.Web.Features.StaffWork;

/// <summary>Marker type for the area's texts: Resources/Features/StaffWork/StaffWorkResource.resx (Bahasa Indonesia) and StaffWorkResource.en.resx.</summary>
public sealed class StaffWorkResource;
