using Lapor.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lapor.Web.Operations.Generation;

/// <summary>
/// Writes entities to PostgreSQL with binary COPY, the server's own bulk path: a row a statement costs a
/// round trip each, which for millions of rows is most of the time. A connection can run one COPY at a
/// time and the generator writes several tables at once, so each batch's rows are kept per table and
/// copied at <see cref="CommitAsync"/>, table by table in the order they were first written (parents
/// before children, as the foreign keys need), in one transaction. Columns, value converters and store
/// types come from the EF model, so the rows are stored exactly as EF would store them.
/// </summary>
public sealed class PostgresBulkWriter(LaporDbContext db) : IBulkWriter
{
    private readonly NpgsqlConnection _connection = (NpgsqlConnection)db.Database.GetDbConnection();
    private readonly List<Table> _tables = [];

    public long RowsWritten { get; private set; }

    public Task BeginAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_tables.All(t => t.Rows.Count == 0))
        {
            return;
        }

        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in _tables.Where(t => t.Rows.Count > 0))
        {
            await using (var import = await _connection.BeginBinaryImportAsync(table.CopyCommand, cancellationToken))
            {
                foreach (var row in table.Rows)
                {
                    await import.StartRowAsync(cancellationToken);
                    for (var i = 0; i < row.Length; i++)
                    {
                        if (row[i] is { } value)
                        {
                            await import.WriteAsync(value, table.Columns[i].DataTypeName, cancellationToken);
                        }
                        else
                        {
                            await import.WriteNullAsync(cancellationToken);
                        }
                    }
                }

                await import.CompleteAsync(cancellationToken);
            }

            table.Rows.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Keeps one entity's row for the batch; <paramref name="overrides"/> replaces generated values (keys, foreign keys) by property name.</summary>
    public Task InsertAsync<T>(T entity, CancellationToken cancellationToken, params (string Property, object? Value)[] overrides)
        where T : class
    {
        var table = TableFor(typeof(T));
        var row = new object?[table.Columns.Length];
        for (var i = 0; i < table.Columns.Length; i++)
        {
            var column = table.Columns[i];
            row[i] = StoredValue.Of(entity, column.Property, column.Getter, column.Converter, overrides);
        }

        table.Rows.Add(row);
        RowsWritten++;
        return Task.CompletedTask;
    }

    /// <summary>
    /// After the load: the identity sequences of the tables written moved past the explicit keys (or the
    /// portal's first insert would collide with key 1), and fresh statistics and visibility maps, so the
    /// planner picks the pages' indexes and can answer from covering indexes alone.
    /// </summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        foreach (var table in _tables)
        {
            var key = table.EntityType.FindPrimaryKey()?.Properties;
            if (key is [var id] && id.ValueGenerated == ValueGenerated.OnAdd && (id.ClrType == typeof(int) || id.ClrType == typeof(long)))
            {
                var name = table.Name.Replace("'", "''", StringComparison.Ordinal);
                var column = id.GetColumnName(table.Store)!;
                var quotedColumn = db.GetService<ISqlGenerationHelper>().DelimitIdentifier(column);
#pragma warning disable EF1002 // names from the EF model, not from input
                await db.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('{name}', '{column.Replace("'", "''", StringComparison.Ordinal)}'), COALESCE(MAX({quotedColumn}), 1), MAX({quotedColumn}) IS NOT NULL) FROM {table.Name}",
                    cancellationToken);
#pragma warning restore EF1002
            }
        }

        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Table TableFor(Type clrType)
    {
        foreach (var existing in _tables)
        {
            if (existing.ClrType == clrType)
            {
                return existing;
            }
        }

        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties()
            .Where(p => p.GetColumnName(store) is not null)
            .Select(p =>
            {
                var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();

                // COPY's binary format names the type without its facets: "character varying", not "character varying(200)".
                var storeType = mapping.StoreType;
                var facets = storeType.IndexOf('(', StringComparison.Ordinal);
                var dataTypeName = facets < 0 ? storeType : storeType[..facets].TrimEnd() + storeType[(storeType.IndexOf(')', facets) + 1)..];
                return new Column(p, p.GetGetter(), mapping.Converter, dataTypeName);
            })
            .ToArray();
        var name = sql.DelimitIdentifier(store.Name, store.Schema);
        var copy = $"COPY {name} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(store)!)))}) FROM STDIN (FORMAT BINARY)";
        var table = new Table(clrType, entityType, store, name, copy, columns, []);
        _tables.Add(table);
        return table;
    }

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter, string DataTypeName);

    private sealed record Table(Type ClrType, IEntityType EntityType, StoreObjectIdentifier Store, string Name, string CopyCommand, Column[] Columns, List<object?[]> Rows);
}
