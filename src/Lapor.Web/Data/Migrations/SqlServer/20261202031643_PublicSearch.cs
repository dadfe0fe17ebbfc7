using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// Full-text search (issue 18): a catalog that ignores accents and full-text indexes on the report
    /// texts and the message bodies, neutral language (SQL Server has no Indonesian word breaker) and no
    /// stoplist, so short Indonesian words ("di", "ke") are not taken for English noise. SQL Server keeps
    /// them up to date itself (CHANGE_TRACKING AUTO); the query (Data/Search/SqlServerReportSearch)
    /// picks the public text. Full-text DDL cannot run inside a transaction. Needs the Full-Text Search
    /// feature (docs/operations.md).
    /// </summary>
    public partial class PublicSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE FULLTEXT CATALOG [LaporSearch] WITH ACCENT_SENSITIVITY = OFF;", suppressTransaction: true);
            migrationBuilder.Sql("""
                CREATE FULLTEXT INDEX ON [Reports] ([Title] LANGUAGE 0, [Body] LANGUAGE 0, [PublicTitle] LANGUAGE 0, [PublicSummary] LANGUAGE 0)
                KEY INDEX [PK_Reports] ON [LaporSearch] WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);
                """, suppressTransaction: true);
            migrationBuilder.Sql("""
                CREATE FULLTEXT INDEX ON [Messages] ([Body] LANGUAGE 0)
                KEY INDEX [PK_Messages] ON [LaporSearch] WITH (CHANGE_TRACKING = AUTO, STOPLIST = OFF);
                """, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON [Messages];", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON [Reports];", suppressTransaction: true);
            migrationBuilder.Sql("DROP FULLTEXT CATALOG [LaporSearch];", suppressTransaction: true);
        }
    }
}
