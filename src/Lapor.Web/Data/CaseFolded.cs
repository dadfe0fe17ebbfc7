namespace Lapor.Web.Data;

/// <summary>
/// Typed text compared without regard to case, with the same result on SQLite, PostgreSQL and SQL Server: both sides
/// in lower case and compared with LIKE, e.g. <c>EF.Functions.Like(r.Title.ToLower(), CaseFolded.Anywhere(q), CaseFolded.Escape)</c>.
/// A plain <c>Contains</c> or <c>==</c> ignores case on SQL Server (its default collation) and not on the other two;
/// SQLite's own lower() folds only A–Z, so <see cref="SqlitePragmaInterceptor"/> replaces it with .NET's.
/// A leading wildcard uses no index on any database: such searches narrow by indexed filters first (agency, tab).
/// See docs/architecture.md, "Text comparison".
/// </summary>
public static class CaseFolded
{
    /// <summary>The escape character of the patterns below, for <c>EF.Functions.Like</c>'s third argument.</summary>
    public const string Escape = "\\";

    /// <summary>The text as compared: trimmed, in invariant lower case.</summary>
    public static string Fold(string typed) => typed.Trim().ToLowerInvariant();

    /// <summary>A LIKE pattern matching the folded text anywhere; %, _ and \ in it match only themselves.</summary>
    public static string Anywhere(string typed) => "%" + Literal(Fold(typed)) + "%";

    /// <summary>A LIKE pattern matching exactly the folded text.</summary>
    public static string Exactly(string typed) => Literal(Fold(typed));

    private static string Literal(string text) =>
        text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal);
}
