using System.Net;
using Lapor.Web.Data.Identity;
using Lapor.Web.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.TestSupport;

/// <summary>Steps a real user takes through the real forms.</summary>
public static class Citizen
{
    public const string Password = "kalimat sandi yang panjang";

    /// <summary>A complete, valid filing form. <paramref name="fields"/> replaces or adds text fields; <paramref name="extra"/> adds more parts (files).</summary>
    public static MultipartFormDataContent ReportForm(
        string token, Guid submissionToken, string title = "Jalan berlubang di Jl. Merdeka", Action<MultipartFormDataContent>? extra = null, IDictionary<string, string>? fields = null)
    {
        var values = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.SubmissionToken"] = submissionToken.ToString(),
            ["Form.Classification"] = "Complaint",
            ["Form.Title"] = title,
            ["Form.Body"] = "Lubang besar di depan pasar membahayakan pengendara motor setiap malam.",
            ["Form.Location"] = "Kecamatan Makmur Kota",
            ["Form.ReporterName"] = "Andi Wijaya",
            ["Form.ReporterEmail"] = "andi@contoh.id",
            ["Form.Consent"] = "true",

            // The offer to support a similar open report instead (issue 21) is its own tests' subject (SupportOfferTests);
            // elsewhere the citizen files anyway, as "tetap kirim laporan baru" does.
            ["Form.KeepNew"] = "true",
        };
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        var form = new MultipartFormDataContent();
        foreach (var (name, value) in values)
        {
            form.Add(new StringContent(value), name);
        }

        extra?.Invoke(form);
        return form;
    }

    /// <summary>Adds one file to the filing form's attachments.</summary>
    public static void AddFile(MultipartFormDataContent form, byte[] bytes, string name, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(content, "Form.Attachments", name);
    }

    /// <summary>GETs /lapor, posts a valid report, and returns the redirect response.</summary>
    public static async Task<HttpResponseMessage> FileAsync(
        HttpClient client, string title = "Jalan berlubang di Jl. Merdeka", Action<MultipartFormDataContent>? extra = null, IDictionary<string, string>? fields = null)
    {
        var page = await HtmlPage.GetAsync(client, "/lapor");
        var submission = Guid.Parse(page.InputValue("Form.SubmissionToken"));
        return await client.PostAsync("/lapor", ReportForm(page.AntiforgeryToken("/lapor"), submission, title, extra, fields));
    }

    /// <summary>Files a report and follows to the confirmation: returns (tracking number, access code).</summary>
    public static async Task<(string Number, string? AccessCode)> FileAndConfirmAsync(
        HttpClient client, string title = "Jalan berlubang di Jl. Merdeka", Action<MultipartFormDataContent>? extra = null, IDictionary<string, string>? fields = null)
    {
        var response = await FileAsync(client, title, extra, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = await HtmlPage.GetAsync(client, response.Headers.Location!.OriginalString);
        var number = confirmation.Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim();
        var code = confirmation.Document.QuerySelector("[data-testid=access-code]")?.TextContent.Trim();
        return (number, code);
    }

    public static async Task<string> CreateAccountAsync(LaporAppFactory app, string email, string role = Roles.Citizen)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        var user = new LaporUser { UserName = email, Email = email, FullName = "Warga Uji", EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user.Id;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = Password)
    {
        var page = await HtmlPage.GetAsync(client, "/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken("/Account/Login"),
            ["Email"] = email,
            ["Password"] = password,
        }));
    }

    /// <summary>A fresh browser that unlocked the report's page with its access code, as a reporter without an account does.</summary>
    public static async Task<HttpClient> UnlockAsync(LaporAppFactory app, string number, string code)
    {
        var reporter = app.CreateBrowser();
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        await reporter.PostAsync($"/lacak/{number}/akses", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.AntiforgeryToken($"/lacak/{number}/akses"),
            ["AccessCode"] = code,
        }));
        return reporter;
    }

    /// <summary>A form for one of the reporter's buttons on /lacak/{n}, with the page's antiforgery token.</summary>
    public static async Task<FormUrlEncodedContent> TrackFormAsync(HttpClient reporter, string number, params (string Name, string Value)[] fields)
    {
        var page = await HtmlPage.GetAsync(reporter, $"/lacak/{number}");
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }
}
