using Lapor.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.IntegrationTests.Features.Dashboard;

/// <summary>The app with its jobs off and its clock stopped on Wednesday 25 November 2026, 10:00 WIB: "late now" is measured on that day.</summary>
public sealed class StoppedClockAppFactory : LaporAppFactory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:DispatchEnabled", "false");
        builder.UseSetting("Deadlines:JobEnabled", "false");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }
}

/// <summary>The dashboard's figure cards, read by their heading.</summary>
internal static class DashboardCards
{
    public static string Card(HtmlPage page, string title) =>
        page.Document.QuerySelectorAll(".card-body").Single(c => c.QuerySelector("h2")?.TextContent == title).QuerySelector("p")!.TextContent.Trim();
}
