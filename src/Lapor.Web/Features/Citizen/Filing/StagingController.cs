using Lapor.Web.Features.Shared.Attachments;
using Lapor.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Citizen.Filing;

/// <summary>
/// /lapor/lampiran: photos uploaded as soon as they are picked (by uploader.js), before the form is
/// sent. Each belongs to the form's submission token and this browser's filing cookie; another
/// browser cannot see, remove or attach it (404, as for a file that does not exist).
/// </summary>
[AllowAnonymous]
public sealed class StagingController(Staging.Handler staging, FilingBrowser browser, SecurityEvents events, IStringLocalizer<CitizenResource> t) : Controller
{
    /// <summary>One file of at most the attachment limit, with the form's few fields.</summary>
    public const long MaxRequestBytes = Domain.Reports.Attachment.MaxBytes + (256 * 1024);

    private string Owner => browser.EnsureOwner(HttpContext);

    [HttpPost("/lapor/lampiran")]
    [EnableRateLimiting(RateLimitPolicies.Uploads)]
    [RequestSizeLimit(MaxRequestBytes)]
    public async Task<IActionResult> Stage([FromForm] Guid formToken, IFormFile? file, CancellationToken cancellationToken)
    {
        if (formToken == Guid.Empty || file is null)
        {
            return Problem(title: t["Upload.Refused"], detail: t["Upload.NoFile"], statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = await staging.StageAsync(formToken, Owner, file, cancellationToken);
        if (outcome.Staged is not { } item)
        {
            events.UploadRejected(HttpContext);
            return Problem(title: t["Upload.Refused"], detail: outcome.Refusal, statusCode: StatusCodes.Status400BadRequest);
        }

        var entry = EntryFor(Url, item);
        return Json(new { id = item.Id, name = item.FileName, size = item.SizeBytes, isImage = item.IsImage, fileUrl = entry.FileUrl, removeUrl = entry.RemoveUrl });
    }

    [HttpGet("/lapor/lampiran/{attachmentId:guid}")]
    public async Task<IActionResult> Show([FromRoute(Name = "attachmentId")] Guid id, CancellationToken cancellationToken)
    {
        if (browser.Owner(Request) is not { } owner || await staging.OpenAsync(id, owner, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.ContentType, file.ContentType.StartsWith("image/", StringComparison.Ordinal) ? null : file.FileName);
    }

    [HttpPost("/lapor/lampiran/{attachmentId:guid}/hapus")]
    public async Task<IActionResult> Remove([FromRoute(Name = "attachmentId")] Guid id, CancellationToken cancellationToken) =>
        browser.Owner(Request) is { } owner && await staging.RemoveAsync(id, owner, cancellationToken) ? NoContent() : NotFound();

    /// <summary>The picker for a form with this token and the files staged for it so far.</summary>
    public static Uploader UploaderFor(IUrlHelper url, string fileField, string stagedField, Guid formToken, IReadOnlyList<Staging.Item> staged) =>
        new(fileField, stagedField, formToken, url.Action(nameof(Stage), "Staging")!, [.. staged.Select(s => EntryFor(url, s))]);

    private static Uploader.Entry EntryFor(IUrlHelper url, Staging.Item item) =>
        new(item, url.Action(nameof(Show), "Staging", new { attachmentId = item.Id })!, url.Action(nameof(Remove), "Staging", new { attachmentId = item.Id })!);
}
