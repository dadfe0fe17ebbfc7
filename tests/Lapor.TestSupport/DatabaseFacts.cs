namespace Lapor.TestSupport;

/// <summary>A test of a feature only the embedded SQLite database has (its backup command, its file's crash safety): skipped on the PostgreSQL run.</summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string why)
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only: " + why;
        }
    }
}

/// <summary>A theory that needs a feature only SQLite has (see <see cref="SqliteOnlyFactAttribute"/>).</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string why)
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only: " + why;
        }
    }
}

/// <summary>A test of how the portal behaves on PostgreSQL (what it refuses there): runs on the PostgreSQL run only.</summary>
public sealed class PostgresOnlyFactAttribute : FactAttribute
{
    public PostgresOnlyFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = $"PostgreSQL only: runs when {TestDatabase.PostgresVariable} names a server (scripts/test.sh)";
        }
    }
}

/// <summary><see cref="PostgresOnlyFactAttribute"/> for a theory.</summary>
public sealed class PostgresOnlyTheoryAttribute : TheoryAttribute
{
    public PostgresOnlyTheoryAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = $"PostgreSQL only: runs when {TestDatabase.PostgresVariable} names a server (scripts/test.sh)";
        }
    }
}
