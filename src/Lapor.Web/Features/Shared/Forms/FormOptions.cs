using Lapor.Web.Infrastructure.Caching;

namespace Lapor.Web.Features.Shared.Forms;

/// <summary>The choices the filing form offers: categories (grouped) and agencies.</summary>
public static class FormOptions
{
    public sealed record Choice(int Id, string Name, string? Group);

    public sealed record View(IReadOnlyList<Choice> Categories, IReadOnlyList<Choice> Agencies);

    public sealed class Handler(ReferenceData reference)
    {
        /// <summary>Built once per language and kept with the reference data: every inbox page and filing form reads them.</summary>
        public Task<View> HandleAsync(bool english, CancellationToken cancellationToken) =>
            reference.DerivedAsync(english ? "form-options.en" : "form-options.id", ct => BuildAsync(english, ct), cancellationToken);

        private async Task<View> BuildAsync(bool english, CancellationToken cancellationToken)
        {
            var all = await reference.CategoriesAsync(cancellationToken);
            var parents = all.ToDictionary(c => c.Id);
            var categories = all
                .Where(c => c.IsActive && c.ParentId is not null)
                .Select(c => new Choice(c.Id, c.NameIn(english), parents[c.ParentId!.Value].NameIn(english)))
                .OrderBy(c => c.Group, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal);
            var agencies = (await reference.AgenciesAsync(cancellationToken))
                .Where(a => a.IsActive && a.Kind is Domain.Agencies.AgencyKind.Opd or Domain.Agencies.AgencyKind.SubUnit)
                .Select(a => new Choice(a.Id, a.Name, null));
            return new View([.. categories], [.. agencies]);
        }
    }
}
