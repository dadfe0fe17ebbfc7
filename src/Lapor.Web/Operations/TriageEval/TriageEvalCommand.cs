namespace Lapor.Web.Operations.TriageEval;

/// <summary>
/// <c>dotnet Lapor.Web.dll triage-eval [--classifier | --duplicates …]</c>: the triage help measured on the configured
/// database, as <c>RESULT</c> lines for bench/README.md. Without a flag, or with <c>--classifier</c>, the agency and
/// category suggestions (<see cref="ClassifierEval"/>); with <c>--duplicates</c>, the similar-reports panel
/// (<see cref="DuplicateEval"/>).
/// </summary>
public static class TriageEvalCommand
{
    public static bool IsRequested(string[] args) => args is ["triage-eval", ..];

    public static Task<int> RunAsync(WebApplication app, string[] args) => args switch
    {
        [_] or [_, "--classifier"] => ClassifierEval.RunAsync(app),
        [_, "--duplicates", ..] => DuplicateEval.RunAsync(app, args),
        _ => UsageAsync(),
    };

    private static async Task<int> UsageAsync()
    {
        await Console.Error.WriteLineAsync("Usage: triage-eval [--classifier] | triage-eval --duplicates [--sample 2000] [--misses 0] [--as email]");
        return 2;
    }
}
