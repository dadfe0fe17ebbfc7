using System.Data.Common;
using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Web.Operations.Generation;

/// <summary>
/// Writes entities with one prepared INSERT per table, bypassing the change tracker (SQLite, where a
/// prepared statement in a transaction is the fastest way in). Columns, value converters and parameter
/// types come from the EF model, so the rows are stored exactly as EF would store them. Keys and
/// foreign keys the database would have generated are passed in by the caller.
/// </summary>
public sealed class BulkWriter : IBulkWriter
{
    private readonly DbConnection _connection;
    private readonly Dictionary<Type, Table> _tables = [];
    private readonly LaporDbContext _db;
    private DbTransaction? _transaction;

    public BulkWriter(LaporDbContext db)
    {
        _db = db;
        _connection = db.Database.GetDbConnection();
    }

    public long RowsWritten { get; private set; }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            await _db.Database.OpenConnectionAsync(cancellationToken);
        }

        _transaction = await _connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in _tables.Values)
        {
            table.Command.Transaction = _transaction;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    /// <summary>Inserts one entity; <paramref name="overrides"/> replaces generated values (keys, foreign keys) by property name.</summary>
    public async Task InsertAsync<T>(T entity, CancellationToken cancellationToken, params (string Property, object? Value)[] overrides)
        where T : class
    {
        var table = TableFor(typeof(T));
        for (var i = 0; i < table.Columns.Length; i++)
        {
            var column = table.Columns[i];
            column.Parameter.Value = StoredValue.Of(entity, column.Property, column.Getter, column.Converter, overrides) ?? DBNull.Value;
        }

        await table.Command.ExecuteNonQueryAsync(cancellationToken);
        RowsWritten++;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var table in _tables.Values)
        {
            await table.Command.DisposeAsync();
        }

        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
    }

    private Table TableFor(Type clrType)
    {
        if (_tables.TryGetValue(clrType, out var existing))
        {
            return existing;
        }

        var entityType = _db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = _db.GetService<ISqlGenerationHelper>();
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;

        var columns = entityType.GetProperties()
            .Where(p => p.GetColumnName(store) is not null)
            .Select((p, i) =>
            {
                var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
                var parameter = mapping.CreateParameter(command, "p" + i, null, nullable: true);
                command.Parameters.Add(parameter);
                return new Column(p, p.GetGetter(), mapping.Converter, parameter);
            })
            .ToArray();

        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(store.Name, store.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(store)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => sql.GenerateParameterName(c.Parameter.ParameterName)))})";
        command.Prepare();

        var table = new Table(command, columns);
        _tables[clrType] = table;
        return table;
    }

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, DbParameter Parameter);

    private sealed record Table(DbCommand Command, Column[] Columns);
}
