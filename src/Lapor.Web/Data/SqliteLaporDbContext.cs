using Lapor.Web.Data.Search;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lapor.Web.Data;

/// <summary>The embedded default: a SQLite file under App_Data.</summary>
public sealed class SqliteLaporDbContext(DbContextOptions<SqliteLaporDbContext> options) : LaporDbContext(options)
{
    public override IQueryable<SearchHit> SearchPublicText(IReadOnlyList<IReadOnlyList<string>> terms, bool ranked = true) => SqliteReportSearch.Search(this, terms);

    public override IQueryable<SearchHit> SearchSimilarText(IReadOnlyList<IReadOnlyList<string>> terms, long beforeReportId, DateTimeOffset since, int limit, SupportOffer.PlaceQuery? offerableAt = null, SupportOffer.ProblemQuery? sharing = null) =>
        SqliteReportSearch.Similar(this, terms, beforeReportId, since, limit, offerableAt, sharing);

    /// <summary>The app's gate (<see cref="SqliteWriteGate"/>); a context made without the app (design time, tools) has none.</summary>
    protected override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken) =>
        AppService<SqliteWriteGate>() is { } gate ? await gate.EnterAsync(cancellationToken) : null;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite cannot ORDER BY or compare a DateTimeOffset stored as text; as binary ticks it can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Lets `dotnet ef` build the SQLite model without starting the app.</summary>
public sealed class SqliteLaporDbContextFactory : IDesignTimeDbContextFactory<SqliteLaporDbContext>
{
    public SqliteLaporDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLaporDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
