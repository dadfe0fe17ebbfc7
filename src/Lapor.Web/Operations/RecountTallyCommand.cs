namespace Lapor.Web.Operations;

/// <summary>
/// <c>dotnet Lapor.Web.dll recount-tally</c>: rebuilds the dashboard tally from the reports, after rows
/// were changed outside the portal (a restore of single tables, hand-made SQL) or the time zone changed.
/// </summary>
public static class RecountTallyCommand
{
    public static bool IsRequested(string[] args) => args is ["recount-tally", ..];

    public static async Task<int> RunAsync(WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var cells = await scope.ServiceProvider.GetRequiredService<DashboardTallyRecount>().RunAsync(CancellationToken.None);
        Console.WriteLine($"Dashboard tally recounted: {cells} cells.");
        return 0;
    }
}
