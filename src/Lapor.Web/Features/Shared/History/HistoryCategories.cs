using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Caching;

namespace Lapor.Web.Features.Shared.History;

/// <summary>
/// Names the categories of a history's category changes (<see cref="RoutingAction.Recategorize"/>, whose
/// entry keeps their ids) in the reader's language, from the cached categories: no query on the page.
/// </summary>
public static class HistoryCategories
{
    public static IEnumerable<HistoryEntry> Named(this IEnumerable<HistoryEntry> entries, IReadOnlyList<ReferenceData.CategoryEntry> categories, bool english)
    {
        var names = categories.ToDictionary(c => c.Id, c => c.NameIn(english));
        string? Name(int? id) => id is { } known ? names.GetValueOrDefault(known) : null;

        return entries.Select(e => e.Action == RoutingAction.Recategorize && CategoryChange.TryParse(e.Reason, out var change)
            ? e with { FromCategory = Name(change.From), ToCategory = Name(change.To) }
            : e);
    }
}
