using Lapor.Web.Data.Identity;
using Lapor.Web.Infrastructure.Localization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Lapor.Web.Features.Citizen.Home;

[AllowAnonymous]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();

    /// <summary>Switches the language for this browser and goes back to the same page.</summary>
    [HttpPost("/culture")]
    public async Task<IActionResult> SetCulture(string culture, string? returnUrl, [FromServices] UserManager<LaporUser> accounts)
    {
        if (LaporLocalization.SupportedCultures.Contains(culture))
        {
            // A signed-in person's mail follows the language they chose, on every device.
            if (User.Identity?.IsAuthenticated == true && await accounts.GetUserAsync(User) is { } user && user.PreferredCulture != culture)
            {
                user.PreferredCulture = culture;
                await accounts.UpdateAsync(user);
            }

            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });
        }

        return LocalRedirect(Url.LocalOrHome(returnUrl));
    }
}
