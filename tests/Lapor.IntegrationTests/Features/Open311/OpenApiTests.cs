using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Lapor.TestSupport;
using Lapor.Web.Domain.Integrations;
using Lapor.Web.Domain.Reports;
using Microsoft.EntityFrameworkCore;

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
    public async Task Document_PostRequest_NamesEveryFormFieldTheCodeReads_InBothEncodings_AndNoOther()
    {
        var document = await DocumentAsync();
        var post = document.GetProperty("paths").GetProperty("/open311/v2/requests.{format}").GetProperty("post");
        var content = post.GetProperty("requestBody").GetProperty("content");
        var form = OpenApiDocumentReader.Resolve(document, content.GetProperty("application/x-www-form-urlencoded").GetProperty("schema"));
        var multipart = OpenApiDocumentReader.Resolve(document, content.GetProperty("multipart/form-data").GetProperty("schema"));
        string[] fields =
        [
            "api_key", "jurisdiction_id", "service_code", "lat", "long", "address_string", "address_id", "email", "device_id", "account_id",
            "first_name", "last_name", "phone", "description", "media_url",
            "attribute[classification]", "attribute[title]", "attribute[anonymous]", "attribute[confidential]",
        ];

        Assert.Equal(fields.Order(), OpenApiDocumentReader.PropertyNames(form).Order());
        Assert.Equal(fields.Append("media").Order(), OpenApiDocumentReader.PropertyNames(multipart).Order());
        Assert.Equal(["api_key", "description", "service_code"], form.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal("binary", multipart.GetProperty("properties").GetProperty("media").GetProperty("format").GetString());
        Assert.Contains("image/jpeg", content.GetProperty("multipart/form-data").GetProperty("encoding").GetProperty("media").GetProperty("contentType").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Aspiration", "Complaint", "InformationRequest"],
            form.GetProperty("properties").GetProperty("attribute[classification]").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).Order());
        var key = Assert.Single(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.Equal(200, key.GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.Empty(post.GetProperty("security").EnumerateArray()); // api_key is a form field: a query-string scheme would send it where the POST never reads it
        Assert.False(document.GetProperty("components").GetProperty("schemas").TryGetProperty("IFormFile", out _));
    }

    /// <summary>A client that sends exactly the fields the document names (attribute[...] as written there) files a report in either encoding.</summary>
    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    public async Task Post_WithTheDocumentsFieldNames_FilesTheReport_WithItsAttributes(string encoding)
    {
        var document = await DocumentAsync();
        var schema = OpenApiDocumentReader.Resolve(document,
            document.GetProperty("paths").GetProperty("/open311/v2/requests.{format}").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty(encoding).GetProperty("schema"));
        var names = OpenApiDocumentReader.PropertyNames(schema).ToHashSet();
        var (serviceCode, key) = await ArrangeAsync();
        var title = $"Lampu padam {encoding}";
        var values = new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = serviceCode, ["description"] = "Lampu jalan di depan pasar padam sejak kemarin.",
            ["lat"] = "-7.25", ["long"] = "112.75", ["attribute[title]"] = title, ["attribute[classification]"] = "Aspiration",
        };
        Assert.Subset(names, values.Keys.ToHashSet());
        HttpContent body = encoding == "multipart/form-data"
            ? values.Aggregate(new MultipartFormDataContent(), (multipart, field) => { multipart.Add(new StringContent(field.Value), field.Key); return multipart; })
            : new FormUrlEncodedContent(values);

        var response = await app.CreateClient().PostAsync("/open311/v2/requests.json", body);
        var number = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await app.WithDbAsync(db => db.Reports.SingleAsync(r => r.TrackingNumber == number));
        Assert.Equal(title, report.Title);
        Assert.Equal(Classification.Aspiration, report.Classification);
    }

    [Fact]
    public async Task Document_IntakeWebhooks_NameTheirBodiesHeadersSecretsAndAnswers()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");

        var sms = paths.GetProperty("/intake/sms").GetProperty("post");
        var smsBody = sms.GetProperty("requestBody").GetProperty("content");
        var gateway = OpenApiDocumentReader.Resolve(document, smsBody.GetProperty("application/json").GetProperty("schema"));
        Assert.Equal(["from", "message_id", "name", "text"], OpenApiDocumentReader.PropertyNames(gateway).Order());
        Assert.Equal(["from", "message_id", "text"], gateway.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        var smsForm = OpenApiDocumentReader.Resolve(document, smsBody.GetProperty("application/x-www-form-urlencoded").GetProperty("schema"));
        Assert.Equal(["from", "message_id", "text"], OpenApiDocumentReader.PropertyNames(smsForm).Order()); // the defaults of Intake:SmsForm
        Assert.Equal(["X-Lapor-Signature", "X-Lapor-Timestamp"], HeaderNames(sms).Order());
        Assert.Equal(["sms_form_token"], OpenApiDocumentReader.SecuritySchemes(sms).Order());
        AssertScheme(document, "sms_form_token", "header", "X-Lapor-Token");
        Assert.Equal(["200", "400", "401", "404", "413", "415"], Answers(sms));

        var whatsApp = paths.GetProperty("/intake/whatsapp").GetProperty("post");
        var kinds = whatsApp.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("oneOf")
            .EnumerateArray().Select(s => s.GetProperty("$ref").GetString()).ToList();
        Assert.Equal(["#/components/schemas/GatewayMessage", "#/components/schemas/WhatsAppNotification"], kinds.Order());
        var notification = OpenApiDocumentReader.Resolve(document, JsonDocument.Parse("{\"$ref\":\"#/components/schemas/WhatsAppNotification\"}").RootElement);
        var message = notification.GetProperty("properties").GetProperty("entry").GetProperty("items").GetProperty("properties").GetProperty("changes").GetProperty("items")
            .GetProperty("properties").GetProperty("value").GetProperty("properties").GetProperty("messages").GetProperty("items");
        Assert.Equal(["button", "document", "from", "id", "image", "interactive", "location", "text", "type"], OpenApiDocumentReader.PropertyNames(message).Order());
        Assert.Equal(["X-Hub-Signature-256", "X-Lapor-Signature", "X-Lapor-Timestamp"], HeaderNames(whatsApp).Order());
        Assert.Equal(["200", "400", "401", "404", "413", "415"], Answers(whatsApp));

        var verification = paths.GetProperty("/intake/whatsapp").GetProperty("get");
        Assert.All(verification.GetProperty("parameters").EnumerateArray(), p => Assert.True(p.GetProperty("required").GetBoolean()));
        Assert.Equal(["hub.challenge", "hub.mode", "hub.verify_token"], verification.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
        Assert.Equal(["application/problem+json"], verification.GetProperty("responses").GetProperty("403").GetProperty("content").EnumerateObject().Select(c => c.Name));

        var telegram = paths.GetProperty("/intake/telegram").GetProperty("post");
        var update = OpenApiDocumentReader.Resolve(document, telegram.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema"));
        var telegramMessage = update.GetProperty("properties").GetProperty("message");
        Assert.Equal(["caption", "chat", "document", "from", "location", "message_id", "photo", "text", "venue"], OpenApiDocumentReader.PropertyNames(telegramMessage).Order());
        Assert.Equal(["telegram_secret_token"], OpenApiDocumentReader.SecuritySchemes(telegram));
        AssertScheme(document, "telegram_secret_token", "header", "X-Telegram-Bot-Api-Secret-Token");
        Assert.Equal(["200", "400", "401", "404", "413", "415"], Answers(telegram));

        // No intake answer is rate-limited, and a receipt is JSON only.
        foreach (var operation in new[] { sms, whatsApp, telegram })
        {
            Assert.Equal(["application/json"], operation.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name));
            Assert.Equal("application/problem+json", Assert.Single(operation.GetProperty("responses").GetProperty("401").GetProperty("content").EnumerateObject()).Name);
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

    private async Task<JsonElement> DocumentAsync() => JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

    private static IEnumerable<string> HeaderNames(JsonElement operation) =>
        operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()!);

    private static List<string> Answers(JsonElement operation) => [.. operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order()];

    private static void AssertScheme(JsonElement document, string scheme, string where, string name)
    {
        var described = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(scheme);
        Assert.Equal("apiKey", described.GetProperty("type").GetString());
        Assert.Equal(where, described.GetProperty("in").GetString());
        Assert.Equal(name, described.GetProperty("name").GetString());
    }

    private async Task<(string ServiceCode, string Key)> ArrangeAsync()
    {
        await StaffWorld.CreateAsync(app);
        var code = await Open311Services.CodeAsync(app, "OpenAPI");
        return (code, await app.WithDbAsync(async db =>
        {
            var (client, key) = ApiClient.Create("Aplikasi OpenAPI", ApiOperations.CreateRequests, 1000, DateTimeOffset.UtcNow);
            db.ApiClients.Add(client);
            await db.SaveChangesAsync();
            return key;
        }));
    }
}
