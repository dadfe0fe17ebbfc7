using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Web.Data.Migrations.Postgres
{
    /// <summary>
    /// After AssignmentFilingDay's UPDATE, which wrote a new version of every assignment and of each of its
    /// index entries: the table and its indexes stood at twice their size, and the cleared visibility map
    /// sent every index-only read of Assignments (the officers' inboxes) to the table too, three times slower
    /// at a million reports. VACUUM FULL rewrites them compact; the plain VACUUM after it sets the visibility
    /// map again (FULL does not). VACUUM cannot run in a transaction, so it is a migration of its own: stopped
    /// half-way, it is simply run again.
    /// </summary>
    public partial class AssignmentFilingDayVacuum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""VACUUM FULL "Assignments";""", suppressTransaction: true);
            migrationBuilder.Sql("""VACUUM ANALYZE "Assignments";""", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
