using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lapor.Bench;

/// <summary>
/// The data set the portal runs on, read directly for the raw-SQL floors: a SQLite file (read-only) or a
/// PostgreSQL database (a connection string). The statements are written once, with @-parameters both
/// drivers understand; what differs is how the portal stores days and instants, which is here.
/// </summary>
public sealed class BenchDatabase(string provider, string database)
{
    public bool IsPostgres { get; } = provider switch
    {
        "postgres" => true,
        "sqlite" => false,
        _ => throw new ArgumentException($"--provider must be sqlite or postgres, not '{provider}'."),
    };

    public DbConnection Open()
    {
        DbConnection connection = IsPostgres
            ? new NpgsqlConnection(database)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>A day as the portal stores a DateOnly: a date on PostgreSQL, ISO text on SQLite.</summary>
    public object Day(DateOnly day) => IsPostgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// An instant as read back from the store, in the UTC ticks the portal's keyset links carry. PostgreSQL
    /// holds a timestamptz; SQLite EF Core's DateTimeOffsetToBinaryConverter value: local ticks / 1000
    /// shifted left 11 bits, the offset in minutes in the low 11 bits.
    /// </summary>
    public static long UtcTicks(object stored)
    {
        if (stored is DateTime time)
        {
            return time.ToUniversalTime().Ticks;
        }

        var binary = Convert.ToInt64(stored, CultureInfo.InvariantCulture);
        var offsetMinutes = (int)((binary << 53) >> 53);
        return ((binary >> 11) * 1000) - (offsetMinutes * TimeSpan.TicksPerMinute);
    }

    public object Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() ?? throw new InvalidOperationException($"Nothing found for: {sql}");
    }

    /// <summary>A prepared command with its parameters bound (the raw floors keep theirs for every run).</summary>
    public static DbCommand Prepare(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    /// <summary>Executes the command and reads every column of every row.</summary>
    public static async Task DrainAsync(DbCommand command)
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
