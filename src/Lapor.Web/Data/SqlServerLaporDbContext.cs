using Lapor.Web.Data.Search;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lapor.Web.Data;

/// <summary>Production: SQL Server, chosen with Database:Provider=SqlServer.</summary>
public sealed class SqlServerLaporDbContext(DbContextOptions<SqlServerLaporDbContext> options) : LaporDbContext(options)
{
    public override IQueryable<SearchHit> SearchPublicText(IReadOnlyList<IReadOnlyList<string>> terms, bool ranked = true) => SqlServerReportSearch.Search(this, terms);

    public override IQueryable<SearchHit> SearchSimilarText(IReadOnlyList<IReadOnlyList<string>> terms, long beforeReportId, DateTimeOffset since, int limit, SupportOffer.PlaceQuery? offerableAt = null, SupportOffer.ProblemQuery? sharing = null) =>
        SqlServerReportSearch.Similar(this, terms, beforeReportId, since, limit, offerableAt, sharing);

    /// <summary>SQL Server has no ON CONFLICT: a MERGE, holding its range lock so two saves cannot both insert a cell.</summary>
    protected override string TallyUpsertSql(string values) =>
        $"""
        MERGE [DashboardTallies] WITH (HOLDLOCK) AS t
        USING (VALUES {values}) AS s ([Month], [Measure], [AgencyId], [Bucket], [Count], [OnTime])
        ON t.[Month] = s.[Month] AND t.[Measure] = s.[Measure] AND t.[AgencyId] = s.[AgencyId] AND t.[Bucket] = s.[Bucket]
        WHEN MATCHED THEN UPDATE SET t.[Count] = t.[Count] + s.[Count], t.[OnTime] = t.[OnTime] + s.[OnTime]
        WHEN NOT MATCHED THEN INSERT ([Month], [Measure], [AgencyId], [Bucket], [Count], [OnTime]) VALUES (s.[Month], s.[Measure], s.[AgencyId], s.[Bucket], s.[Count], s.[OnTime]);
        """;
}

/// <summary>Lets `dotnet ef` build the SQL Server model and script without a server.</summary>
public sealed class SqlServerLaporDbContextFactory : IDesignTimeDbContextFactory<SqlServerLaporDbContext>
{
    public SqlServerLaporDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerLaporDbContext>()
            .UseSqlServer("Server=localhost;Database=Lapor;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
