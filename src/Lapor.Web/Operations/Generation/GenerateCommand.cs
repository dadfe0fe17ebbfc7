using System.Globalization;

namespace Lapor.Web.Operations.Generation;

/// <summary>
/// <c>dotnet run --project src/Lapor.Web -- generate --reports 1000000 --agencies 500</c>: fills the
/// configured (empty) SQLite or PostgreSQL database with generated data instead of starting the portal.
/// </summary>
public static class GenerateCommand
{
    public static bool IsRequested(string[] args) => args is ["generate", ..];

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!TryParse(args[1..], out var settings, out var error))
        {
            await Console.Error.WriteLineAsync($"{error}\nUsage: generate [--reports 100000] [--agencies 500] [--years 5] [--seed 2026] [--now 2026-12-01T00:00:00Z]");
            return 2;
        }

        await app.PrepareSchemaAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var generator = scope.ServiceProvider.GetRequiredService<DataGenerator>();
        try
        {
            var summary = await generator.RunAsync(settings, Console.Out, !Console.IsOutputRedirected, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generated {summary.Reports:N0} reports ({summary.Rows:N0} rows) for {summary.Agencies} agencies in {summary.Elapsed:h\\:mm\\:ss}."));
            Console.WriteLine($"Sign in as {SyntheticProvince.CoordinatorEmail} (coordinator, whole province) or {SyntheticProvince.OfficerEmail} (officer of the busiest agency), password {DemoData.Password}.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static bool TryParse(string[] args, out DataGenerator.Settings settings, out string error)
    {
        var values = new Dictionary<string, int> { ["--reports"] = 100_000, ["--agencies"] = 500, ["--years"] = 5, ["--seed"] = 2026 };
        settings = new DataGenerator.Settings(0, 0, 0, 0);
        DateTimeOffset? now = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            // A fixed "now" makes a seed's data set the same whenever it is generated (to compare providers or versions).
            if (args[i] == "--now" && i + 1 < args.Length
                && DateTimeOffset.TryParse(args[i + 1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var fixedNow))
            {
                now = fixedNow.ToUniversalTime();
                continue;
            }

            if (!values.ContainsKey(args[i]) || i + 1 >= args.Length
                || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                error = $"Cannot read '{string.Join(' ', args[i..Math.Min(i + 2, args.Length)])}'.";
                return false;
            }

            values[args[i]] = value;
        }

        if (values["--agencies"] < 30)
        {
            error = "--agencies must be at least 30 (a province and its offices).";
            return false;
        }

        settings = new DataGenerator.Settings(values["--reports"], values["--agencies"], values["--years"], values["--seed"], now);
        error = "";
        return true;
    }
}
