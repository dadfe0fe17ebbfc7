using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Lapor.BrowserTests.Infrastructure;

public static class Accessibility
{
    /// <summary>Runs axe-core for WCAG 2.1 A and AA and fails with each violation's rule, impact and elements.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var problems = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}) on {page.Url}: {v.Help} — {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}");
        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, problems));
    }
}
