using Lapor.Web.Data;
using Npgsql;

namespace Lapor.UnitTests.Data;

/// <summary>
/// The portal's PostgreSQL sessions run without JIT and with a dearer start of parallel workers, unless the operator's
/// connection string says otherwise (issue 22).
/// </summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void SessionDefaults_AreAdded_KeepingTheRest()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithSessionDefaults("Host=/tmp/pg;Username=lapor;Database=lapor"));

        Assert.Equal("-c jit=off -c parallel_setup_cost=20000", builder.Options);
        Assert.Equal("/tmp/pg", builder.Host);
        Assert.Equal("lapor", builder.Database);
    }

    [Fact]
    public void SessionDefaults_AreAppendedToTheOperatorsOptions()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithSessionDefaults("Host=db;Options=-c statement_timeout=5000"));

        Assert.Equal("-c statement_timeout=5000 -c jit=off -c parallel_setup_cost=20000", builder.Options);
    }

    [Theory]
    [InlineData("-c jit=on", "-c jit=on -c parallel_setup_cost=20000")]
    [InlineData("-c parallel_setup_cost=1000", "-c parallel_setup_cost=1000 -c jit=off")]
    [InlineData("-c JIT=on -c parallel_setup_cost=500", "-c JIT=on -c parallel_setup_cost=500")]
    [InlineData("-c parallel-setup-cost=1000 --jit=on", "-c parallel-setup-cost=1000 --jit=on")]
    [InlineData("-c jit_above_cost=500000", "-c jit_above_cost=500000 -c jit=off -c parallel_setup_cost=20000")]
    public void SessionDefaults_LeaveTheOperatorsOwnSettingsAlone(string options, string expected)
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithSessionDefaults($"Host=db;Options={options}"));

        Assert.Equal(expected, builder.Options);
    }
}
