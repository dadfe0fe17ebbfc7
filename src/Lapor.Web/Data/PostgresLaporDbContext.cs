using Lapor.Web.Data.Search;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lapor.Web.Data;

/// <summary>A server database without licence fees: PostgreSQL, chosen with Database:Provider=PostgreSql.</summary>
public sealed class PostgresLaporDbContext(DbContextOptions<PostgresLaporDbContext> options) : LaporDbContext(options)
{
    public override IQueryable<SearchHit> SearchPublicText(IReadOnlyList<IReadOnlyList<string>> terms, bool ranked = true) => PostgresReportSearch.Search(this, terms, ranked);

    public override IQueryable<SearchHit> SearchSimilarText(IReadOnlyList<IReadOnlyList<string>> terms, long beforeReportId, DateTimeOffset since, int limit, SupportOffer.PlaceQuery? offerableAt = null, SupportOffer.ProblemQuery? sharing = null) =>
        PostgresReportSearch.Similar(this, terms, beforeReportId, since, limit, offerableAt, sharing);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // timestamptz keeps an instant, not an offset, and Npgsql refuses to write any offset but 0:
        // the app's times in WIB/WITA/WIT (and the filters built from them) go in as the same instant in UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<ToUniversalTime>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<ToUniversalTime>();
    }

    private sealed class ToUniversalTime() : ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
}

/// <summary>Lets `dotnet ef` build the PostgreSQL model and script without a server.</summary>
public sealed class PostgresLaporDbContextFactory : IDesignTimeDbContextFactory<PostgresLaporDbContext>
{
    public PostgresLaporDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLaporDbContext>().UseNpgsql("Host=localhost;Database=lapor").Options);
}
