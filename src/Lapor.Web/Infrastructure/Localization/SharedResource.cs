namespace Lapor.Web;

/// <summary>Marker type for Resources/SharedResource.resx (Bahasa Indonesia) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
