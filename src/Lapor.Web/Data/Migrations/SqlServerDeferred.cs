namespace Lapor.Web.Data.Migrations;

/// <summary>
/// SQL Server compiles a whole batch before running it, and the idempotent script puts each migration in one
/// batch: a backfill naming a column the same migration adds fails there with "Invalid column name", even
/// behind the script's "not applied yet" test. Run through <c>EXEC</c>, the statement is compiled only when it
/// runs, after the column exists. (Applied at start, EF sends statement by statement and either form works.)
/// </summary>
public static class SqlServerDeferred
{
    public static string Exec(string sql) => $"EXEC(N'{sql.Trim().Replace("'", "''", StringComparison.Ordinal)}');";
}
