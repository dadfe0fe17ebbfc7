using Lapor.Web.Data;
using Lapor.Web.Domain;
using Lapor.Web.Domain.Reports;
using Lapor.Web.Domain.Triage;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Triage;

namespace Lapor.Web.Features.StaffWork.ReportPage;

/// <summary>
/// The suggested agencies and category on the verification form (the _Triage partial), with the names
/// to show them by and the categories the form offers. Built from cached data: no query on the page.
/// </summary>
public sealed record TriageHint(TriageAdvice.Advice Advice, IReadOnlyDictionary<int, string> AgencyNames, IReadOnlyList<ReferenceData.CategoryEntry> Categories, DateTimeOffset? TrainedAt)
{
    /// <summary>The agency ticked without a confident suggestion: the reporter's choice, else the category's default (null: neither).</summary>
    public Fallback? Default { get; init; }

    /// <summary>Where <see cref="Default"/> comes from, so the form names it as what it is (not as the model's suggestion).</summary>
    public sealed record Fallback(int AgencyId, bool ReportersChoice, int? CategoryId);

    /// <summary>Whether the form ticked this agency for the coordinator (a confident top suggestion, or the fallback).</summary>
    public bool Ticked(int agencyId) => Advice.PreselectedAgency == agencyId;

    /// <summary>Whether this suggestion is ticked because the model is confident of it (a fallback ticked for its own reason says so on its own line).</summary>
    public bool TickedBySuggestion(int agencyId) => Advice.AgencyPreselectedBySuggestion && Advice.Agencies[0].Id == agencyId;

    public string AgencyName(int id) => AgencyNames.GetValueOrDefault(id, "?");

    public string? CategoryName(int id, bool english) => Categories.FirstOrDefault(c => c.Id == id)?.NameIn(english);

    /// <summary>The leaf categories a coordinator may set (the parents group them), with the report's own kept even if since retired.</summary>
    public IEnumerable<ReferenceData.CategoryEntry> Choices(int? current) =>
        Categories.Where(c => c.ParentId is not null && (c.IsActive || c.Id == current));

    /// <summary>Agencies a suggestion may name: active, taking reports, in the coordinator's subtree, and not one that gave the report back.</summary>
    public static Func<int, bool> Offered(ReferenceData.AgencySet agencies, ReportScope scope, IEnumerable<int> gaveBack)
    {
        var subtree = scope.Subtree.ToHashSet();
        var returned = gaveBack.ToHashSet();
        var takes = agencies.All.Where(a => a.IsActive && a.TakesReports).Select(a => a.Id).ToHashSet();
        return id => takes.Contains(id) && subtree.Contains(id) && !returned.Contains(id);
    }

    public sealed class Builder(TriageModels models, ReferenceData reference)
    {
        /// <summary>The advice for a report the coordinator may verify, limited to agencies in their subtree that did not give it back.</summary>
        public async Task<TriageHint> ForAsync(ReportDetail.View report, ReportScope scope, CancellationToken cancellationToken)
        {
            var agencies = await reference.AgencySetAsync(cancellationToken);
            var offered = Offered(agencies, scope, report.Assignments.Where(a => a.State is AssignmentState.Returned).Select(a => a.AgencyId));
            var state = await models.CurrentAsync(cancellationToken);
            var advice = await models.AdviseAsync(models.TextOf(report.Title, report.Body, report.Location), report.SuggestedAgencyId, offered, report.CategoryId, cancellationToken);
            return new TriageHint(advice, agencies.Names, await reference.CategoriesAsync(cancellationToken), state.Model?.TrainedAt)
            {
                Default = report.SuggestedAgencyId is { } fallback ? new Fallback(fallback, report.SuggestedByReporter, report.CategoryId) : null,
            };
        }
    }

    /// <summary>
    /// Records what became of the suggestion the coordinator saw (the form says which model showed it):
    /// the same prediction again from the cached model, beside what was chosen. Added to the report's
    /// own save, so it is stored only when the verification is.
    /// </summary>
    public sealed class Recorder(LaporDbContext db, TriageModels models, ReferenceData reference)
    {
        public async Task RecordAsync(Report report, ReportScope scope, int? shownModelId, IReadOnlyCollection<int> chosenAgencies, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var state = await models.CurrentAsync(cancellationToken);
            if (shownModelId is null || state.Model is not { } model || model.Id != shownModelId)
            {
                // Nothing was shown, or a newer model came in meanwhile: what it would say now is not what was seen.
                return;
            }

            var offered = Offered(await reference.AgencySetAsync(cancellationToken), scope,
                report.Assignments.Where(a => a.State is AssignmentState.Returned).Select(a => a.AgencyId));
            var advice = await models.AdviseAsync(models.TextOf(report.Title, report.Body, report.Location), null, offered, null, cancellationToken);
            if (!advice.Shows)
            {
                return;
            }

            var preselected = advice.Basis == TriageAdvice.Basis.Confident;
            db.Add(new TriageSuggestion(report.Id, model.Id, advice.Agencies.Count > 0 ? advice.Agencies[0] : null, advice.Category, preselected, chosenAgencies, report.CategoryId, scope.UserId, now));
        }

        /// <summary>A category set at verification must be an active one.</summary>
        public async Task CheckCategoryAsync(int? categoryId, int? current, CancellationToken cancellationToken)
        {
            if (categoryId is { } id && id != current && !(await reference.CategoriesAsync(cancellationToken)).Any(c => c.Id == id && c.IsActive && c.ParentId is not null))
            {
                throw new DomainException("Verify.UnknownCategory");
            }
        }
    }
}
