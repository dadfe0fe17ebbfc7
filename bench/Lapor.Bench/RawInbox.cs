using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Lapor.Bench;

/// <summary>
/// The floor: the two statements the officer inbox runs (tab counts, one page of rows), written out
/// by hand and executed through plain ADO.NET with prepared commands on a read-only connection.
/// </summary>
public sealed class RawInbox : IDisposable
{
    private const string CountsSql = """
        SELECT "State", COUNT(*) FROM "Assignments" WHERE "AgencyId" = $agency GROUP BY "State"
        """;

    // As EF writes it: the first page has no position clause, later pages start after the last row shown.
    private const string AfterClause = """AND (a."AssignedAt" > $afterAt OR (a."AssignedAt" = $afterAt AND a."Id" > $afterId))""";

    private const string PageSql = """
        SELECT a0."Id", r."TrackingNumber", r."Title", r."Classification", r."Channel",
               (SELECT g."Name" FROM "Agencies" g WHERE g."Id" = a0."AgencyId" LIMIT 1),
               a0."State", a0."AssignedAt", a0."FirstResponseDueOn", a0."CompletionDueOn",
               a0."IsOverdue" OR (a0."CompletionDueOn" < $today AND (a0."State" = 'Dispositioned' OR a0."State" = 'InProgress')),
               r."IsAnonymous", r."IsConfidential"
        FROM (
            SELECT a."Id", a."AgencyId", a."AssignedAt", a."CompletionDueOn", a."FirstResponseDueOn", a."IsOverdue", a."ReportId", a."State"
            FROM "Assignments" a
            WHERE a."AgencyId" = $agency AND a."State" = $tab
              {0}
            ORDER BY a."AssignedAt", a."Id"
            LIMIT 26
        ) a0
        INNER JOIN "Reports" r ON a0."ReportId" = r."Id"
        ORDER BY a0."AssignedAt", a0."Id"
        """;

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _counts;
    private readonly SqliteCommand _firstPage;
    private readonly SqliteCommand _laterPage;

    public RawInbox(string databasePath, int agencyId, string tab)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        _connection.Open();
        _counts = Prepare(CountsSql, ("$agency", agencyId));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _firstPage = Prepare(PageSql.Replace("{0}", "", StringComparison.Ordinal), ("$agency", agencyId), ("$tab", tab), ("$today", today));
        _laterPage = Prepare(PageSql.Replace("{0}", AfterClause, StringComparison.Ordinal), ("$agency", agencyId), ("$tab", tab), ("$today", today),
            ("$afterAt", 0L), ("$afterId", 0L));
    }

    /// <summary>Both statements, every row read, starting after the given position (null: the first page).</summary>
    public async Task RunAsync(long? afterStoredAt, long? afterId)
    {
        await DrainAsync(_counts);
        if (afterStoredAt is { } at && afterId is { } id)
        {
            _laterPage.Parameters["$afterAt"].Value = at;
            _laterPage.Parameters["$afterId"].Value = id;
            await DrainAsync(_laterPage);
        }
        else
        {
            await DrainAsync(_firstPage);
        }
    }

    /// <summary>The assignment at this position of the tab (oldest first): its stored time, id and tracking number.</summary>
    public (long StoredAt, long Id, string TrackingNumber)? RowAt(int offset, int agencyId, string tab)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT a."AssignedAt", a."Id", r."TrackingNumber" FROM "Assignments" a JOIN "Reports" r ON r."Id" = a."ReportId"
            WHERE a."AgencyId" = $agency AND a."State" = $tab ORDER BY a."AssignedAt", a."Id" LIMIT 1 OFFSET $offset
            """;
        command.Parameters.AddWithValue("$agency", agencyId);
        command.Parameters.AddWithValue("$tab", tab);
        command.Parameters.AddWithValue("$offset", offset);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)) : null;
    }

    /// <summary>
    /// The portal stores a DateTimeOffset as EF Core's DateTimeOffsetToBinaryConverter does: local ticks
    /// / 1000 shifted left 11 bits, the offset in minutes in the low 11 bits. Its keyset is in UTC ticks.
    /// </summary>
    public static long UtcTicks(long stored)
    {
        var offsetMinutes = (int)((stored << 53) >> 53);
        return ((stored >> 11) * 1000) - (offsetMinutes * TimeSpan.TicksPerMinute);
    }

    public void Dispose()
    {
        _counts.Dispose();
        _firstPage.Dispose();
        _laterPage.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params (string Name, object Value)[] parameters) => Prepare(_connection, sql, parameters);

    /// <summary>A prepared command with its parameters bound (the raw floors keep theirs for every run).</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.Prepare();
        return command;
    }

    /// <summary>Executes the command and reads every column of every row.</summary>
    public static async Task DrainAsync(SqliteCommand command)
    {
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }
        }
    }
}
