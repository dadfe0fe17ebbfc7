using System.Diagnostics;
using System.Globalization;
using Lapor.Web.Data;
using Lapor.Web.Domain.Triage;
using Lapor.Web.Infrastructure.Triage;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Web.Operations.TriageEval;

/// <summary>
/// <c>dotnet Lapor.Web.dll triage-eval</c>: trains the suggestion model on the configured database as the
/// nightly job does (and stores it), then prints its held-out accuracy beside the category-default
/// baseline, the training time, the sample and the process's peak memory as <c>RESULT</c> lines.
/// </summary>
public static class ClassifierEval
{

    public static async Task<int> RunAsync(WebApplication app)
    {
        await app.PrepareSchemaAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<TriageJob>();
        var clock = Stopwatch.StartNew();
        var outcome = await job.TrainAsync(null, CancellationToken.None);
        var elapsed = clock.ElapsedMilliseconds;
        if (outcome != TriageJob.Outcome.Trained)
        {
            await Console.Error.WriteLineAsync($"Not trained: {outcome}.");
            return 1;
        }

        var db = scope.ServiceProvider.GetRequiredService<LaporDbContext>();
        var m = await db.Set<TriageModel>().AsNoTracking().OrderByDescending(x => x.Id)
            .Select(x => new { x.SampleSize, x.TestSize, x.AgencyClasses, x.TrainingMilliseconds, x.AgencyTop1, x.AgencyTop3, x.CategoryTop1, x.BaselineAgencyTop1, Bytes = x.AgencyModel.Length + x.CategoryModel.Length })
            .FirstAsync();
        using var process = Process.GetCurrentProcess();
        string Line(string name, object value) => string.Create(CultureInfo.InvariantCulture, $"RESULT triage_{name}={value}");
        Console.WriteLine(Line("sample", m.SampleSize));
        Console.WriteLine(Line("test", m.TestSize));
        Console.WriteLine(Line("agencies", m.AgencyClasses));
        Console.WriteLine(Line("agency_top1", m.AgencyTop1));
        Console.WriteLine(Line("agency_top3", m.AgencyTop3));
        Console.WriteLine(Line("category_top1", m.CategoryTop1));
        Console.WriteLine(Line("baseline_agency_top1", m.BaselineAgencyTop1));
        Console.WriteLine(Line("training_ms", m.TrainingMilliseconds));
        Console.WriteLine(Line("total_ms", elapsed));
        Console.WriteLine(Line("model_bytes", m.Bytes));
        Console.WriteLine(Line("peak_working_set_mb", process.PeakWorkingSet64 / 1024 / 1024));
        return 0;
    }
}
