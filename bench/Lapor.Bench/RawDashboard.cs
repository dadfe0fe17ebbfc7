using System.Data.Common;

namespace Lapor.Bench;

/// <summary>
/// The dashboard's floor: its two statements over the province for this year (reports grouped by day,
/// status, verification time and due day; every assignment of those reports with its durations,
/// refusals, running clock and due days), written out by hand and read
/// through plain ADO.NET with prepared commands, the assignments' integers with typed getters.
/// </summary>
public sealed class RawDashboard : IDisposable
{
    private const string ReportsSql = """
        SELECT "SubmittedOn", "Status", "VerifyWorkingDays", "VerifiedOnTime", "VerifyDueOn", COUNT(*),
               COUNT(CASE WHEN "FirstResponseAt" IS NOT NULL THEN 1 END), SUM("TimesAccepted"), SUM("TimesRejected")
        FROM "Reports" WHERE "SubmittedOn" >= @from AND "SubmittedOn" <= @to
        GROUP BY "SubmittedOn", "Status", "VerifyWorkingDays", "VerifiedOnTime", "VerifyDueOn"
        """;

    private const string AssignmentsSql = """
        SELECT a."AgencyId", a."FirstResponseWorkingDays", a."FirstResponseOnTime", a."CompletionWorkingDays", a."CompletedOnTime", a."ValidationRefusals",
               a."State", a."PausedAt" IS NOT NULL, a."FirstRespondedAt" IS NOT NULL, a."FirstResponseDueOn" < @today, a."CompletionDueOn" < @today
        FROM "Reports" AS r INNER JOIN "Assignments" AS a ON r."Id" = a."ReportId"
        WHERE r."SubmittedOn" >= @from AND r."SubmittedOn" <= @to AND a."State" NOT IN ('Returned', 'Forwarded', 'Withdrawn')
        """;

    private readonly DbConnection _connection;
    private readonly DbCommand _reports;
    private readonly DbCommand _assignments;

    public RawDashboard(BenchDatabase database, int year)
    {
        _connection = database.Open();
        var from = database.Day(new DateOnly(year, 1, 1));
        var to = database.Day(new DateOnly(year, 12, 31));
        _reports = BenchDatabase.Prepare(_connection, ReportsSql, ("@from", from), ("@to", to));
        var today = database.Day(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7))); // the portal's day, in WIB
        _assignments = BenchDatabase.Prepare(_connection, AssignmentsSql, ("@from", from), ("@to", to), ("@today", today));
    }

    public async Task RunAsync()
    {
        await BenchDatabase.DrainAsync(_reports);
        await using var reader = await _assignments.ExecuteReaderAsync();

        // Flags and on-time columns are integers in SQLite and booleans in PostgreSQL: each read with its own typed getter.
        var flags = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetFieldType(i) == typeof(bool)).ToArray();
        long sum = 0;
        while (await reader.ReadAsync())
        {
            sum += reader.GetInt32(0);
            for (var i = 1; i <= 5; i++)
            {
                sum += reader.IsDBNull(i) ? 0 : flags[i] ? (reader.GetBoolean(i) ? 1 : 0) : reader.GetInt32(i);
            }

            // The state is text; the clock and due days come as flags, as the page reads them.
            sum += reader.GetString(6).Length;
            for (var i = 7; i < reader.FieldCount; i++)
            {
                sum += reader.IsDBNull(i) ? 0 : flags[i] ? (reader.GetBoolean(i) ? 1 : 0) : reader.GetInt32(i);
            }
        }

        GC.KeepAlive(sum);
    }

    public void Dispose()
    {
        _reports.Dispose();
        _assignments.Dispose();
        _connection.Dispose();
    }
}
