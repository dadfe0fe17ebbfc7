using Lapor.Web.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lapor.Web.Data;

/// <summary>Production: SQL Server, chosen with Database:Provider=SqlServer.</summary>
public sealed class SqlServerLaporDbContext(DbContextOptions<SqlServerLaporDbContext> options) : LaporDbContext(options)
{
    public override IQueryable<SearchHit> SearchPublicText(IReadOnlyList<IReadOnlyList<string>> terms, bool ranked = true) => SqlServerReportSearch.Search(this, terms);

    public override IQueryable<SearchHit> SearchSimilarText(IReadOnlyList<IReadOnlyList<string>> terms, long beforeReportId, DateTimeOffset since, int limit, bool openPublicOnly = false) =>
        SqlServerReportSearch.Similar(this, terms, beforeReportId, since, limit, openPublicOnly);
}

/// <summary>Lets `dotnet ef` build the SQL Server model and script without a server.</summary>
public sealed class SqlServerLaporDbContextFactory : IDesignTimeDbContextFactory<SqlServerLaporDbContext>
{
    public SqlServerLaporDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerLaporDbContext>()
            .UseSqlServer("Server=localhost;Database=Lapor;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}
