using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.Outbox;

/// <summary>/admin/surat: mail the dispatcher gave up on, and mail still retrying, so administrators can act.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/surat")]
public sealed class OutboxController(IStringLocalizer<AdministrationResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] StuckMail.Handler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpPost("{id:long}/kirim-ulang")]
    public async Task<IActionResult> Requeue([FromRoute] long id, [FromServices] RequeueMail.Handler handler, CancellationToken cancellationToken)
    {
        if (!await handler.HandleAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData[FlashMessage.SuccessKey] = t["Outbox.Requeued"].Value;
        return RedirectToAction(nameof(Index));
    }
}
