using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.Open311;

/// <summary>ASP.NET Core's OpenAPI document describes the JSON endpoints (Open311, intake) and none of the pages.</summary>
public sealed class OpenApiTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task Document_DescribesOpen311AndIntake_NotThePages()
    {
        var response = await app.CreateClient().GetAsync("/openapi/v1.json");
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/open311/v2/services.{format}", paths);
        Assert.Contains("/open311/v2/requests.{format}", paths);
        Assert.Contains("/intake/sms", paths);
        Assert.Contains("/intake/whatsapp", paths);
        Assert.Contains("/intake/telegram", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/inbox", StringComparison.Ordinal) || p.StartsWith("/dashboard", StringComparison.Ordinal));
        Assert.DoesNotContain(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths").EnumerateObject(),
            path => path.Value.TryGetProperty("head", out _)); // every GET answers HEAD too; one operation says it
    }

    [Fact]
    public async Task Document_PostRequest_NamesTheSpecificationsFormFields()
    {
        var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var post = document.GetProperty("paths").GetProperty("/open311/v2/requests.{format}").GetProperty("post");
        var text = post.GetRawText();

        foreach (var field in new[] { "api_key", "service_code", "lat", "long", "address_string", "description", "media_url" })
        {
            Assert.Contains($"\"{field}\"", text, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Redocly CLI (tests/tools, installed by scripts/test.sh) with its recommended rules: the document client
    /// generators read must have no errors (warnings, such as a 4xx answer an operation cannot give, are allowed).
    /// </summary>
    [Fact]
    public async Task Document_PassesRedoclysRecommendedRules_WithoutErrors()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lapor-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { Path.Combine(LocalProcesses.RepositoryRoot, "tests", "tools", "node_modules", "@redocly", "cli", "bin", "cli.js"),
                "lint", file, "--extends", "recommended", "--format", "json" })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var lint = Process.Start(start)!;
            var output = lint.StandardOutput.ReadToEndAsync();
            _ = lint.StandardError.ReadToEndAsync();
            using (var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            {
                try
                {
                    await lint.WaitForExitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    lint.Kill(entireProcessTree: true);
                    throw;
                }
            }

            var report = JsonDocument.Parse(await output).RootElement;
            var errors = report.GetProperty("problems").EnumerateArray()
                .Where(p => p.GetProperty("severity").GetString() == "error")
                .Select(p => $"{p.GetProperty("ruleId").GetString()} at {p.GetProperty("location")[0].GetProperty("pointer").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
