using Lapor.Web.Domain.Auditing;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Web.Data;

/// <summary>
/// Routing history and the audit log are evidence: once written they are never changed or removed.
/// Any attempt through the context fails before it reaches the database.
/// </summary>
public sealed class AppendOnlyHistoryInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbContext? context)
    {
        var tampered = context?.ChangeTracker.Entries()
            .Where(e => e.Entity is RoutingEntry or AuditEntry)
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (tampered is not null)
        {
            throw new InvalidOperationException($"{tampered.Entity.GetType().Name} is append-only and cannot be {tampered.State.ToString().ToLowerInvariant()}.");
        }
    }
}
