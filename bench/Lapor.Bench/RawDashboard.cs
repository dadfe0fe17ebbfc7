using System.Globalization;
using Microsoft.Data.Sqlite;

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
        FROM "Reports" WHERE "SubmittedOn" >= $from AND "SubmittedOn" <= $to
        GROUP BY "SubmittedOn", "Status", "VerifyWorkingDays", "VerifiedOnTime", "VerifyDueOn"
        """;

    private const string AssignmentsSql = """
        SELECT a."AgencyId", a."FirstResponseWorkingDays", a."FirstResponseOnTime", a."CompletionWorkingDays", a."CompletedOnTime", a."ValidationRefusals",
               a."State", a."PausedAt" IS NOT NULL, a."FirstRespondedAt" IS NOT NULL, a."FirstResponseDueOn" < $today, a."CompletionDueOn" < $today
        FROM "Reports" AS r INNER JOIN "Assignments" AS a ON r."Id" = a."ReportId"
        WHERE r."SubmittedOn" >= $from AND r."SubmittedOn" <= $to AND a."State" NOT IN ('Returned', 'Forwarded', 'Withdrawn')
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _reports;
    private readonly SqliteCommand _assignments;

    public RawDashboard(string databasePath, int year)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        _connection.Open();
        var from = new DateOnly(year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = new DateOnly(year, 12, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _reports = RawInbox.Prepare(_connection, ReportsSql, ("$from", from), ("$to", to));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture); // the portal's day, in WIB
        _assignments = RawInbox.Prepare(_connection, AssignmentsSql, ("$from", from), ("$to", to), ("$today", today));
    }

    public async Task RunAsync()
    {
        await RawInbox.DrainAsync(_reports);
        await using var reader = await _assignments.ExecuteReaderAsync();
        long sum = 0;
        while (await reader.ReadAsync())
        {
            sum += reader.GetInt32(0);
            for (var i = 1; i <= 5; i++)
            {
                sum += reader.IsDBNull(i) ? 0 : reader.GetInt32(i);
            }

            // The state is text in SQLite; the clock and due days come as flags, as the page reads them.
            sum += reader.GetString(6).Length;
            for (var i = 7; i < reader.FieldCount; i++)
            {
                sum += reader.GetInt32(i);
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
