using Lapor.Web.Data;

namespace Lapor.UnitTests.Data;

public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task ASecondSave_WaitsUntilTheFirstEnds_ThenGoesAtOnce()
    {
        using var gate = new SqliteWriteGate();
        var first = await gate.EnterAsync(CancellationToken.None);

        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var turn = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ATurnEndedTwice_LetsOnlyOneWaiterIn()
    {
        using var gate = new SqliteWriteGate();
        var first = await gate.EnterAsync(CancellationToken.None);
        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        var third = gate.EnterAsync(CancellationToken.None).AsTask();

        first.Dispose();
        first.Dispose();
        var admitted = await Task.WhenAny(second, third).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False((admitted == second ? third : second).IsCompleted);
        (await admitted).Dispose();
        await Task.WhenAll(second, third).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AWaitCancelled_LeavesTheGateAsItWas()
    {
        using var gate = new SqliteWriteGate();
        var first = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        first.Dispose();
        using var next = await gate.EnterAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
