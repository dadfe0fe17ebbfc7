using Lapor.Web.Data;
using Npgsql;

namespace Lapor.UnitTests.Data;

/// <summary>The portal's PostgreSQL connections run without JIT unless the operator's connection string says otherwise (issue 22).</summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void WithoutJit_AddsTheOption_KeepingTheRest()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithoutJit("Host=/tmp/pg;Username=lapor;Database=lapor"));

        Assert.Equal("-c jit=off", builder.Options);
        Assert.Equal("/tmp/pg", builder.Host);
        Assert.Equal("lapor", builder.Database);
    }

    [Fact]
    public void WithoutJit_AppendsToTheOperatorsOptions()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithoutJit("Host=db;Options=-c statement_timeout=5000"));

        Assert.Equal("-c statement_timeout=5000 -c jit=off", builder.Options);
    }

    [Fact]
    public void WithoutJit_LeavesAnOperatorsJitSettingAlone()
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithoutJit("Host=db;Options=-c jit=on"));

        Assert.Equal("-c jit=on", builder.Options);
    }
}
