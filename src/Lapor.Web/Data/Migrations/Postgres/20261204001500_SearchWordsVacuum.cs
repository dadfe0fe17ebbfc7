using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// After SearchWords, which rewrote Reports and Messages: a rewritten table has no visibility map and no statistics
    /// for its new columns, so every index-only read went to the table as well until autovacuum came by (the
    /// coordinator's queue at a million reports took 820 ms instead of 255). VACUUM cannot run in a transaction, so it
    /// is a migration of its own (as AssignmentFilingDayVacuum): stopped half-way, it is simply run again.
    /// </summary>
    public partial class SearchWordsVacuum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""VACUUM ANALYZE "Reports";""", suppressTransaction: true);
            migrationBuilder.Sql("""VACUUM ANALYZE "Messages";""", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
