using Lapor.Web.Data;

namespace Lapor.Web.Infrastructure.Authorization;

/// <summary>The signed-in user's <see cref="ReportScope"/>, built once per request.</summary>
public sealed class StaffScopeProvider(IHttpContextAccessor accessor, LaporDbContext db, AgencyTree tree)
{
    private ReportScope? _scope;

    public async Task<ReportScope> GetAsync(CancellationToken cancellationToken) =>
        _scope ??= await ReportScope.ForAsync(accessor.HttpContext?.User ?? throw new InvalidOperationException("No request."), db, tree, cancellationToken);
}
