using Lapor.Web.Data.Search;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// PostgreSQL only: the search columns read each text with its punctuation as spaces, as SQLite and the query
    /// side do ("Jl.Melati" was one host name to PostgreSQL's parser, so "melati" did not find it;
    /// <see cref="PostgresReportSearch.RecreateSearchColumns"/>). Rewrites Reports and Messages once each.
    /// </summary>
    public partial class SearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => PostgresReportSearch.RecreateSearchColumns(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => PostgresReportSearch.RecreateSearchColumns(migrationBuilder, words: false);
    }
}
