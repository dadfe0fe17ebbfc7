using System.Security.Claims;
using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Web.Features.Administration.ApiClients;

/// <summary>/admin/api: the systems allowed to call Lapor's API. A new key is shown once, then only its prefix.</summary>
[Authorize(Policy = Policies.Administrator)]
[Route("admin/api")]
public sealed class ApiClientsController(LaporDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    public sealed record Row(int Id, string Name, string KeyPrefix, ApiOperations Operations, int RequestsPerMinute, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, bool Active);

    public sealed record Page(IReadOnlyList<Row> Clients, string? NewKey);

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(new Page(await ListAsync(cancellationToken), null));

    [HttpPost("")]
    public async Task<IActionResult> Create(string? name, List<ApiOperations> operations, int requestsPerMinute, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 120 || operations.Count == 0)
        {
            TempData[FlashMessage.ErrorKey] = t["ApiClients.Invalid"].Value;
            return RedirectToAction(nameof(Index));
        }

        try
        {
            var (client, key) = ApiClient.Create(name, operations.Aggregate(ApiOperations.None, (all, one) => all | one), requestsPerMinute, clock.GetUtcNow());
            db.ApiClients.Add(client);
            db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, User.FindFirstValue(ClaimTypes.NameIdentifier), "ApiClient", client.KeyPrefix, "created", null, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);

            // Shown in this response only, never stored or redirected through a cookie.
            Response.Headers.CacheControl = "no-store";
            return View(nameof(Index), new Page(await ListAsync(cancellationToken), key));
        }
        catch (DomainException rule)
        {
            TempData[FlashMessage.ErrorKey] = t[$"Domain.{rule.Code}"].Value;
            return RedirectToAction(nameof(Index));
        }
    }

    [HttpPost("{id:int}/cabut")]
    public async Task<IActionResult> Revoke([FromRoute] int id, CancellationToken cancellationToken)
    {
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return NotFound();
        }

        client.Revoke(clock.GetUtcNow());
        db.AuditEntries.Add(new AuditEntry(AuditAction.SettingsChanged, User.FindFirstValue(ClaimTypes.NameIdentifier), "ApiClient", client.KeyPrefix, "revoked", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        TempData[FlashMessage.SuccessKey] = t["ApiClients.Revoked"].Value;
        return RedirectToAction(nameof(Index));
    }

    private Task<List<Row>> ListAsync(CancellationToken cancellationToken) =>
        db.ApiClients.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.KeyPrefix, c.Operations, c.RequestsPerMinute, c.CreatedAt, c.LastUsedAt, c.RevokedAt == null))
            .ToListAsync(cancellationToken);
}
