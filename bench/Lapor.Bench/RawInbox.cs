using System.Data.Common;

namespace Lapor.Bench;

/// <summary>
/// The floor: the two statements the officer inbox runs (tab counts, one page of rows), written out
/// by hand and executed through plain ADO.NET with prepared commands (SQLite read-only, or PostgreSQL).
/// </summary>
public sealed class RawInbox : IDisposable
{
    private const string CountsSql = """
        SELECT "State", COUNT(*) FROM "Assignments" WHERE "AgencyId" = @agency GROUP BY "State"
        """;

    // As EF writes it: the first page has no position clause, later pages start after the last row shown.
    private const string AfterClause = """AND (a."AssignedAt" > @afterAt OR (a."AssignedAt" = @afterAt AND a."Id" > @afterId))""";

    // Everything a line of the list shows (AgencyInbox.FieldsOf): the agency, who has taken it, whether it changed
    // since this officer last opened it, and its tags.
    private const string PageSql = """
        SELECT a0."Id", r."TrackingNumber", r."Title", r."Classification", r."Channel",
               (SELECT g."Name" FROM "Agencies" g WHERE g."Id" = a0."AgencyId" LIMIT 1),
               a0."State", a0."AssignedAt", a0."FirstRespondedAt" IS NOT NULL, a0."FirstResponseDueOn", a0."CompletionDueOn",
               a0."ReporterWindowEndsOn", a0."PausedAt", a0."FirstRespondedAt", r."IsAnonymous", r."IsConfidential",
               (SELECT u."FullName" FROM "AspNetUsers" u WHERE u."Id" = a0."OfficerUserId" LIMIT 1),
               a0."OfficerUserId" = @user AND a0."OfficerUserId" IS NOT NULL,
               NOT EXISTS (SELECT 1 FROM "ReportReadings" rr WHERE rr."UserId" = @user AND rr."ReportId" = a0."ReportId" AND rr."Version" >= r."Version"),
               r."Id", s."Label", s."ReportId", s."TagId", s."Id"
        FROM (
            SELECT a."Id", a."AgencyId", a."AssignedAt", a."CompletionDueOn", a."FirstRespondedAt", a."FirstResponseDueOn", a."OfficerUserId",
                   a."PausedAt", a."ReportId", a."ReporterWindowEndsOn", a."State"
            FROM "Assignments" a
            WHERE a."AgencyId" = @agency AND a."State" = @tab
              {0}
            ORDER BY a."AssignedAt", a."Id"
            LIMIT 26
        ) a0
        INNER JOIN "Reports" r ON a0."ReportId" = r."Id"
        LEFT JOIN (
            SELECT t."Label", rt."ReportId", rt."TagId", t."Id" FROM "ReportTags" rt INNER JOIN "Tags" t ON rt."TagId" = t."Id"
        ) s ON a0."ReportId" = s."ReportId"
        ORDER BY a0."AssignedAt", a0."Id", r."Id", s."ReportId", s."TagId"
        """;

    private readonly DbConnection _connection;
    private readonly DbCommand _counts;
    private readonly DbCommand _firstPage;
    private readonly DbCommand _laterPage;

    /// <summary>The statements for one agency's tab, as read by <paramref name="user"/> (the officer's id: the list says which lines are theirs and which changed since they last looked).</summary>
    public RawInbox(BenchDatabase database, int agencyId, string tab, string user)
    {
        _connection = database.Open();
        _counts = Prepare(CountsSql, ("@agency", agencyId));
        _firstPage = Prepare(PageSql.Replace("{0}", "", StringComparison.Ordinal), ("@agency", agencyId), ("@tab", tab), ("@user", user));
        _laterPage = Prepare(PageSql.Replace("{0}", AfterClause, StringComparison.Ordinal), ("@agency", agencyId), ("@tab", tab), ("@user", user),
            ("@afterAt", database.IsPostgres ? DateTime.UnixEpoch : 0L), ("@afterId", 0L));
    }

    /// <summary>Both statements, every row read, starting after the given position (null: the first page).</summary>
    public async Task RunAsync(object? afterStored, long? afterId)
    {
        await BenchDatabase.DrainAsync(_counts);
        if (afterStored is { } at && afterId is { } id)
        {
            _laterPage.Parameters["@afterAt"].Value = at;
            _laterPage.Parameters["@afterId"].Value = id;
            await BenchDatabase.DrainAsync(_laterPage);
        }
        else
        {
            await BenchDatabase.DrainAsync(_firstPage);
        }
    }

    /// <summary>The assignment at this position of the tab (oldest first): its stored time (as the store holds it), id and tracking number.</summary>
    public (object StoredAt, long Id, string TrackingNumber)? RowAt(int offset, int agencyId, string tab)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT a."AssignedAt", a."Id", r."TrackingNumber" FROM "Assignments" a JOIN "Reports" r ON r."Id" = a."ReportId"
            WHERE a."AgencyId" = @agency AND a."State" = @tab ORDER BY a."AssignedAt", a."Id" LIMIT 1 OFFSET @offset
            """;
        foreach (var (name, value) in new (string, object)[] { ("@agency", agencyId), ("@tab", tab), ("@offset", offset) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetValue(0), reader.GetInt64(1), reader.GetString(2)) : null;
    }

    public void Dispose()
    {
        _counts.Dispose();
        _firstPage.Dispose();
        _laterPage.Dispose();
        _connection.Dispose();
    }

    private DbCommand Prepare(string sql, params (string Name, object Value)[] parameters) => BenchDatabase.Prepare(_connection, sql, parameters);
}
