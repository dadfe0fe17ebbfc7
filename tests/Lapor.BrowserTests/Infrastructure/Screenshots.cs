using Microsoft.Playwright;

namespace Lapor.BrowserTests.Infrastructure;

/// <summary>
/// Full-page screenshots of the main pages, written to artifacts/screenshots in the repository (or
/// to LAPOR_SCREENSHOTS), so a reviewer sees what the journeys saw. docs/screenshots holds a chosen few.
/// </summary>
public static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Environment.GetEnvironmentVariable("LAPOR_SCREENSHOTS") ?? Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    public static async Task SaveAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder.Value, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Assert.True(new FileInfo(path).Length > 1000, $"screenshot {name} is empty");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lapor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Path.GetTempPath();
    }
}
