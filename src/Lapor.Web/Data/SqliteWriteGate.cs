namespace Lapor.Web.Data;

/// <summary>
/// One save at a time into the SQLite file, queued in the process. SQLite allows a single writer; a second one
/// waits inside <c>sqlite3_step</c> (busy_timeout), sleeping on its thread in steps of up to 100 ms, so eight
/// citizens filing at once held eight of a two-core machine's few pool threads asleep and woke late. Waiting
/// here is asynchronous and ends the moment the writer before it commits. Saves inside an explicit transaction
/// do not wait here (they already hold SQLite's lock, or wait for it as before), so nothing can wait on both.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new Turn(_turn);
    }

    public void Dispose() => _turn.Dispose();

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
