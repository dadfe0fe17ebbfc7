using Lapor.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Infrastructure.Web;

/// <summary>
/// A broken business rule (e.g. an action not allowed in the report's status) is the user's news,
/// not a server error: show it as a message and return to the page they came from.
/// </summary>
public sealed class DomainExceptionFilter(IStringLocalizer<SharedResource> t, ITempDataDictionaryFactory tempData) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is not DomainException domain)
        {
            return;
        }

        var request = context.HttpContext.Request;
        tempData.GetTempData(context.HttpContext)[FlashMessage.ErrorKey] = t[$"Domain.{domain.Code}"].Value;
        var referer = request.Headers.Referer.ToString();
        var back = Uri.TryCreate(referer, UriKind.Absolute, out var uri) && uri.Host == request.Host.Host ? uri.PathAndQuery : "/";
        context.Result = new LocalRedirectResult(back);
        context.ExceptionHandled = true;
    }
}
