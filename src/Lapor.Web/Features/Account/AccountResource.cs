namespace Lapor.Web.Features.Account;

/// <summary>Marker type for the area's texts: Resources/Features/Account/AccountResource.resx (Bahasa Indonesia) and AccountResource.en.resx.</summary>
public sealed class AccountResource;
