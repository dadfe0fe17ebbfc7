using System.Globalization;
using System.Text.RegularExpressions;
using Lapor.Bench;

// The benchmark driver: bench/run.sh starts the portal on a generated data set and calls this twice,
// once for the queries each page sends (with the portal logging its commands), once for the timings.
var options = Options.Parse(args);
var baseUrl = new Uri(options.Get("url", "http://127.0.0.1:5190"));
// --database: the SQLite file, or with --provider postgres the connection string of the portal's database.
var database = new BenchDatabase(options.Get("provider", "sqlite"), options.Get("database"));
const string Password = "Lapor-Demo-2026";
const string Tab = "Completed";

using var officer = await Session.SignInAsync(baseUrl, "penghubung@provinsi.test", Password);
using var coordinator = await Session.SignInAsync(baseUrl, "koordinator@provinsi.test", Password);
var agencyId = Convert.ToInt32(database.Scalar("""
    SELECT m."AgencyId" FROM "AgencyMemberships" m JOIN "AspNetUsers" u ON u."Id" = m."UserId" WHERE u."Email" = 'penghubung@provinsi.test'
    """), CultureInfo.InvariantCulture);
var officerId = (string)database.Scalar("""SELECT "Id" FROM "AspNetUsers" WHERE "Email" = 'penghubung@provinsi.test'""");
var publicReport = (string)database.Scalar("""SELECT "TrackingNumber" FROM "Reports" WHERE "Status" = 'Completed' AND NOT "IsConfidential" ORDER BY "Id" DESC LIMIT 1""");
var officerReport = (string)database.Scalar($"""
    SELECT r."TrackingNumber" FROM "Assignments" a JOIN "Reports" r ON r."Id" = a."ReportId"
    WHERE a."AgencyId" = {agencyId} AND a."State" = 'InProgress' ORDER BY a."Id" DESC LIMIT 1
    """);

if (options.Get("phase") == "queries")
{
    // Each page once, alone, while the portal logs every command it sends ("Executed DbCommand").
    var log = options.Get("log");
    (string Name, Session? Session, string Url)[] pages =
    [
        ("home", null, "/"), ("public list", null, "/laporan"), ("public search", null, "/laporan?Q=jalan+berlubang"), ("public report", null, $"/laporan/{publicReport}"), ("statistics", null, "/statistik"),
        ("officer inbox", officer, "/inbox"), ("officer inbox, completed", officer, $"/inbox?Tab={Tab}"), ("officer report", officer, $"/inbox/{officerReport}"),
        ("coordinator queue", coordinator, "/inbox"), ("coordinator dashboard", coordinator, "/dashboard"), ("who is late now", coordinator, "/dashboard/siapa-terlambat"),
    ];
    var most = 0;
    foreach (var (name, session, url) in pages)
    {
        using var anonymous = new Session(baseUrl);
        await (session ?? anonymous).GetAsync(url);
        var before = Count(log);
        await (session ?? anonymous).GetAsync(url);
        await Task.Delay(300);
        var queries = Count(log) - before;
        most = Math.Max(most, queries);
        Console.WriteLine($"  {name,-34} {queries} queries");
    }

    Result("queries_per_page", most);
    return 0;
}

if (options.Get("phase") == "filing")
{
    // Filing alone, for working on it: --submit-workers and --submit-seconds as in the full run.
    var (filers, filingPhoto) = (int.Parse(options.Get("submit-workers", "8"), CultureInfo.InvariantCulture), Submissions.Photo());
    await WarmUpFilingAsync(baseUrl, filers, filingPhoto, options);
    var alone = await Submissions.RunAsync(baseUrl, filers,
        TimeSpan.FromSeconds(int.Parse(options.Get("submit-seconds", "10"), CultureInfo.InvariantCulture)), filingPhoto);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {alone.Succeeded} filed ({alone.Offered} after the support offer), {alone.Failed} failed {string.Join(", ", alone.FailuresByStatus.Select(f => $"{f.Value}×{f.Key}"))}; {alone.PerSecond:0.0}/s, p95 {alone.P95Ms:0} ms"));
    Result("submissions_per_s", alone.PerSecond);
    Result("submission_failures", alone.Failed);
    Result("submission_offers", alone.Offered);
    return 0;
}

var samples = int.Parse(options.Get("samples", "200"), CultureInfo.InvariantCulture);
using var raw = new RawInbox(database, agencyId, Tab, officerId);
var tabSize = Convert.ToInt32(database.Scalar($"""SELECT COUNT(*) FROM "Assignments" WHERE "AgencyId" = {agencyId} AND "State" = '{Tab}'"""), CultureInfo.InvariantCulture);
var deepPage = Math.Min(1000, ((tabSize - 1) / 25) + 1);
var last = raw.RowAt(((deepPage - 1) * 25) - 1, agencyId, Tab) ?? throw new InvalidOperationException("The busiest agency has too few completed reports.");
var expected = raw.RowAt((deepPage - 1) * 25, agencyId, Tab)!.Value.TrackingNumber;
var deepUrl = string.Create(CultureInfo.InvariantCulture, $"/inbox?Tab={Tab}&After={BenchDatabase.UtcTicks(last.StoredAt)}_{last.Id}");
if (!(await officer.GetAsync(deepUrl)).Contains(expected, StringComparison.Ordinal))
{
    throw new InvalidOperationException($"Page {deepPage} does not start with {expected}: the keyset is read wrongly.");
}

Console.WriteLine($"Busiest agency {agencyId}: {tabSize:N0} completed assignments; deep page = page {deepPage}.");
using var visitor = new Session(baseUrl);
if (options.Get("phase") == "inbox")
{
    // The inbox alone, for working on it (run.sh --inbox), with the fixed cost of a signed-in page: the home page
    // (no query of its own) as a visitor and as the officer; the difference is what signing in adds to every page.
    await Latency.WarmUpAsync(TimeSpan.FromSeconds(int.Parse(options.Get("warm-up-seconds", "10"), CultureInfo.InvariantCulture)),
        () => officer.GetAsync($"/inbox?Tab={Tab}"), () => officer.GetAsync(deepUrl), () => officer.GetAsync("/"), () => visitor.GetAsync("/"), () => raw.RunAsync(null, null));
    // The portal's CPU time per request (user + system, from /proc) beside the wall time: on a machine shared with
    // other work the wall time mostly measures the queue for the cores, the CPU time what a request costs.
    var portal = int.Parse(options.Get("portal-pid", "0"), CultureInfo.InvariantCulture);
    async Task<Latency> MeasureWithCpuAsync(string name, string key, Func<Task> operation)
    {
        var cpuBefore = CpuMilliseconds(portal);
        var latency = await Latency.MeasureAsync(name, samples, operation);
        if (portal > 0)
        {
            // The warm-up calls are counted too: divide by every call Latency made.
            var calls = samples + latency.WarmUpCalls;
            Result($"{key}_cpu_ms_per_request", (CpuMilliseconds(portal) - cpuBefore) / calls);
        }

        return latency;
    }

    var homeVisitor = await MeasureWithCpuAsync("home page, visitor", "home_visitor", () => visitor.GetAsync("/"));
    var homeOfficer = await MeasureWithCpuAsync("home page, officer", "home_officer", () => officer.GetAsync("/"));
    var first = await MeasureWithCpuAsync("officer inbox, page 1", "inbox", () => officer.GetAsync($"/inbox?Tab={Tab}"));
    var firstRaw = await Latency.MeasureAsync("raw SQL, page 1", samples, () => raw.RunAsync(null, null));
    var deepOnly = await MeasureWithCpuAsync($"officer inbox, page {deepPage}", "inbox_deep", () => officer.GetAsync(deepUrl));
    var deepRaw = await Latency.MeasureAsync($"raw SQL, page {deepPage}", samples, () => raw.RunAsync(last.StoredAt, last.Id));
    Result("home_visitor_p50_ms", homeVisitor.P50);
    Result("home_officer_p50_ms", homeOfficer.P50);
    Result("signed_in_fixed_cost_p50_ms", homeOfficer.P50 - homeVisitor.P50);
    Result("inbox_p50_ms", first.P50);
    Result("inbox_p95_ms", first.P95);
    Result("inbox_raw_p95_ms", firstRaw.P95);
    Result("inbox_vs_raw", first.P95 / firstRaw.P95);
    Result("inbox_deep_page", deepPage);
    Result("inbox_deep_p95_ms", deepOnly.P95);
    Result("inbox_deep_raw_p95_ms", deepRaw.P95);
    Result("deep_page_vs_first", deepOnly.P95 / first.P95);
    return 0;
}

// Every measured page in turn for a while first, so no measurement pays for the portal's first optimised compilations.
await Latency.WarmUpAsync(TimeSpan.FromSeconds(int.Parse(options.Get("warm-up-seconds", "10"), CultureInfo.InvariantCulture)),
    () => officer.GetAsync($"/inbox?Tab={Tab}"), () => officer.GetAsync(deepUrl), () => officer.GetAsync("/inbox"), () => officer.GetAsync($"/inbox/{officerReport}"),
    () => coordinator.GetAsync("/inbox"), () => visitor.GetAsync("/laporan"), () => visitor.GetAsync("/laporan?Q=jalan+berlubang"), () => coordinator.GetAsync("/dashboard"), () => raw.RunAsync(null, null));
var inbox = await Latency.MeasureAsync("officer inbox, page 1", samples, () => officer.GetAsync($"/inbox?Tab={Tab}"));
var rawFirst = await Latency.MeasureAsync("raw SQL, page 1", samples, () => raw.RunAsync(null, null));
var deep = await Latency.MeasureAsync($"officer inbox, page {deepPage}", samples, () => officer.GetAsync(deepUrl));
var rawDeep = await Latency.MeasureAsync($"raw SQL, page {deepPage}", samples, () => raw.RunAsync(last.StoredAt, last.Id));
var newTab = await Latency.MeasureAsync("officer inbox, new reports tab", samples, () => officer.GetAsync("/inbox"));
var report = await Latency.MeasureAsync("officer report page", samples, () => officer.GetAsync($"/inbox/{officerReport}"));
var queue = await Latency.MeasureAsync("coordinator queue", samples, () => coordinator.GetAsync("/inbox"));
var publicList = await Latency.MeasureAsync("public list", samples, () => visitor.GetAsync("/laporan"));
var publicSearch = await Latency.MeasureAsync("public search, common words", samples, () => visitor.GetAsync("/laporan?Q=jalan+berlubang"));
var dashboard = await Latency.MeasureAsync("coordinator dashboard (province)", Math.Max(20, samples / 4), () => coordinator.GetAsync("/dashboard"));
var whoIsLate = await Latency.MeasureAsync("who is late now (province)", Math.Max(20, samples / 4), () => coordinator.GetAsync("/dashboard/siapa-terlambat"));
using var rawDashboard = new RawDashboard(database, DateTime.UtcNow.AddHours(7).Year); // the portal's year, in WIB
var dashboardRaw = await Latency.MeasureAsync("raw SQL, dashboard", Math.Max(20, samples / 4), rawDashboard.RunAsync);

var photo = Submissions.Photo();
var workers = int.Parse(options.Get("submit-workers", "8"), CultureInfo.InvariantCulture);
var seconds = int.Parse(options.Get("submit-seconds", "20"), CultureInfo.InvariantCulture);
await WarmUpFilingAsync(baseUrl, workers, photo, options);
Console.WriteLine($"Filing for {seconds} s with {workers} citizens at once, {photo.Length / 1024} KB photo each …");
var filed = await Submissions.RunAsync(baseUrl, workers, TimeSpan.FromSeconds(seconds), photo);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  {filed.Succeeded} filed ({filed.Offered} after the support offer), {filed.Failed} failed {string.Join(", ", filed.FailuresByStatus.Select(f => $"{f.Value}×{f.Key}"))}; p95 {filed.P95Ms:0} ms"));

Result("inbox_p95_ms", inbox.P95);
Result("inbox_raw_p95_ms", rawFirst.P95);
Result("inbox_vs_raw", inbox.P95 / rawFirst.P95);
Result("inbox_deep_page", deepPage);
Result("inbox_deep_p95_ms", deep.P95);
Result("inbox_deep_raw_p95_ms", rawDeep.P95);
Result("deep_page_vs_first", deep.P95 / inbox.P95);
Result("inbox_new_tab_p95_ms", newTab.P95);
Result("report_page_p95_ms", report.P95);
Result("queue_p95_ms", queue.P95);
Result("public_list_p95_ms", publicList.P95);
Result("public_search_p95_ms", publicSearch.P95);
Result("dashboard_p95_ms", dashboard.P95);
Result("dashboard_raw_p95_ms", dashboardRaw.P95);
Result("dashboard_vs_raw", dashboard.P95 / dashboardRaw.P95);
Result("who_is_late_p95_ms", whoIsLate.P95);
Result("submissions_per_s", filed.PerSecond);
Result("submission_failures", filed.Failed);
Result("submission_p95_ms", filed.P95Ms);
Result("submission_offers", filed.Offered);
Result("peak_rss_mb", PeakResidentMegabytes(int.Parse(options.Get("portal-pid"), CultureInfo.InvariantCulture)));
return 0;

// Filing warmed up as the pages are: the first filings run code .NET has not yet recompiled optimised (the filing path is
// the largest the portal has: upload checks, the support-offer search, the save with its routing, tally and outbox). On
// two busy cores that takes about a minute: 1M reports on SQLite, 15 s windows from a fresh portal filed 29, 49, 46, 52,
// 52, 55 and 54 a second (2026-12-03). The warm-up's own rate is reported too, as what a portal restarted under full
// load manages at first.
static async Task WarmUpFilingAsync(Uri baseUrl, int workers, byte[] photo, Options options)
{
    var seconds = int.Parse(options.Get("submit-warm-up-seconds", "60"), CultureInfo.InvariantCulture);
    if (seconds > 0)
    {
        var warm = await Submissions.RunAsync(baseUrl, workers, TimeSpan.FromSeconds(seconds), photo);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Filing warm-up, {seconds} s (not counted): {warm.Succeeded} filed, {warm.Failed} failed"));
        Result("submissions_warm_up_per_s", warm.PerSecond);
    }
}

static void Result(string key, double value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {key}={Math.Round(value, 2)}"));

static int Count(string log) => Regex.Count(File.ReadAllText(log), "Executed DbCommand");

// utime + stime of the process, in clock ticks (100 a second on Linux), as milliseconds.
static double CpuMilliseconds(int pid)
{
    if (pid <= 0)
    {
        return 0;
    }

    var stat = File.ReadAllText($"/proc/{pid}/stat");
    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) * 10;
}

// VmHWM is the kernel's high-water mark of the process's resident memory.
static double PeakResidentMegabytes(int pid) =>
    File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1] is var kb ? double.Parse(kb, CultureInfo.InvariantCulture) / 1024 : 0;

internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args) =>
        new(args.Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal)).ToDictionary(p => p[0][2..], p => p[1]));

    public string Get(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required.");
}
