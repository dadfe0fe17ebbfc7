namespace Lapor.Web.Infrastructure.Web;

/// <summary>TempData keys for one-shot messages shown by the layout after a redirect.</summary>
public static class FlashMessage
{
    public const string SuccessKey = "flash.success";
    public const string ErrorKey = "flash.error";
}
