using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Infrastructure.Web;

public static class ReturnUrls
{
    /// <summary>
    /// The return address if it is local to this site and safe in a Location header (browsers send
    /// addresses percent-encoded, so anything but printable ASCII is tampering); otherwise "/".
    /// </summary>
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl) =>
        url.IsLocalUrl(returnUrl) && returnUrl.All(c => c is > ' ' and < (char)0x7F) ? returnUrl : "/";
}
