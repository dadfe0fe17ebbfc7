using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Web.Data;

/// <summary>
/// PostgreSQL cannot hold a NUL character in text (SQLite and SQL Server can) and fails the whole statement
/// on one. Anyone can type %00 into a search box, a form or a link, so before a command runs each NUL in a
/// text parameter becomes U+FFFD, the replacement character: the value stays as long as it was, is stored
/// as it is shown, and matches nothing it did not match before.
/// </summary>
public sealed class PostgresNulInterceptor : DbCommandInterceptor
{
    private const char Replacement = '\uFFFD';

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Clean(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Clean(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Clean(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Clean(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Clean(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Clean(command, result));

    /// <summary>A text value without NUL characters; other values as they are.</summary>
    public static object? Clean(object? value) => value switch
    {
        string text when text.Contains('\0', StringComparison.Ordinal) => text.Replace('\0', Replacement),
        string[] texts when texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)) => texts.Select(t => t?.Replace('\0', Replacement)).ToArray(),
        List<string> texts when texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)) => texts.Select(t => t?.Replace('\0', Replacement)).ToList(),
        _ => value,
    };

    private static T Clean<T>(DbCommand command, T result)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            // Only a changed value is set again: setting a value can make a provider infer its type anew.
            if (Clean(parameter.Value) is var clean && !ReferenceEquals(clean, parameter.Value))
            {
                parameter.Value = clean;
            }
        }

        return result;
    }
}
