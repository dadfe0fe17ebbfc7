namespace Lapor.Web.Operations.Generation;

/// <summary>
/// Writes the generator's entities past the change tracker, a batch at a time: <see cref="BeginAsync"/>
/// opens a batch, <see cref="CommitAsync"/> makes it durable. Keys and foreign keys the database would
/// have generated are passed in by the caller, by property name.
/// </summary>
public interface IBulkWriter : IAsyncDisposable
{
    long RowsWritten { get; }

    Task BeginAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);

    Task InsertAsync<T>(T entity, CancellationToken cancellationToken, params (string Property, object? Value)[] overrides)
        where T : class;
}
