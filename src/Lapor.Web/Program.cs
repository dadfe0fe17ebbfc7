using Lapor.Web.Data;
using Lapor.Web.Features.Account;
using Lapor.Web.Features.Administration;
using Lapor.Web.Features.Citizen;
using Lapor.Web.Features.Integrations;
using Lapor.Web.Features.Oversight;
using Lapor.Web.Features.Shared;
using Lapor.Web.Features.StaffWork;
using Lapor.Web.Infrastructure.Authorization;
using Lapor.Web.Infrastructure.Caching;
using Lapor.Web.Infrastructure.Deadlines;
using Lapor.Web.Infrastructure.Identity;
using Lapor.Web.Infrastructure.Localization;
using Lapor.Web.Infrastructure.Maps;
using Lapor.Web.Infrastructure.Notifications;
using Lapor.Web.Infrastructure.Security;
using Lapor.Web.Infrastructure.Storage;
using Lapor.Web.Infrastructure.Telemetry;
using Lapor.Web.Infrastructure.Triage;
using Lapor.Web.Infrastructure.Web;
using Lapor.Web.Operations;
using Lapor.Web.Operations.TriageEval;
using Lapor.Web.Operations.Backup;
using Lapor.Web.Operations.Generation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;
using Serilog.Events;

// A child process that rewrites one uploaded PDF (see IsolatedPdfRewrite): no web host needed.
if (IsolatedPdfRewrite.IsRequested(args))
{
    return IsolatedPdfRewrite.Run();
}

var builder = WebApplication.CreateBuilder(args);

// Unpublished runs (tests, bench, dotnet run in any environment) read static files through the build's manifest,
// which also knows the compressed copies under obj/. A published app has no such manifest and serves its wwwroot.
builder.WebHost.UseStaticWebAssets();
// Outside Development, a build's manifest keeps its own cache headers (immutable for fingerprinted names), as a
// published one does; by default MapStaticAssets turns them into no-cache for any build manifest.
if (!builder.Environment.IsDevelopment())
{
    builder.Configuration["EnableStaticAssetsDevelopmentCaching"] = "true";
}

// Under systemd (Type=notify): tells it when the portal is ready and stops cleanly on SIGTERM; elsewhere nothing.
builder.Host.UseSystemd();

builder.Services.AddLaporLogging();
builder.Services.AddLaporDatabase(builder.Configuration, builder.Environment);
builder.Services.AddLaporCaching(builder.Configuration);
builder.Services.AddLaporTelemetry(builder.Configuration);
builder.Services.AddLaporIdentity();
builder.Services.AddLaporSecurity(builder.Configuration);
builder.Services.AddLaporKeyRing(builder.Configuration);
builder.Services.AddLaporAuthorization();
builder.Services.AddLaporLocalization();
builder.Services.AddLaporMvc();
builder.Services.AddLaporMaps();
builder.Services.AddLaporCompression();
builder.Services.AddLaporNotifications();
builder.Services.AddLaporDeadlines();
builder.Services.AddLaporTriage();
builder.Services.AddAttachmentStorage();
builder.Services.AddLaporOperations();
builder.Services.AddSharedFeatures();
builder.Services.AddCitizenArea();
builder.Services.AddStaffWorkArea();
builder.Services.AddOversightArea();
builder.Services.AddAdministrationArea();
builder.Services.AddIntegrationsArea(builder.Configuration);
builder.Services.AddAccountArea();
builder.Services.AddOpenApi(o =>
{
    o.ShouldInclude = description => description.HttpMethod != HttpMethods.Head; // GET answers HEAD too; not worth a second operation each
    o.AddDocumentTransformer<Lapor.Web.Features.Integrations.OpenApi.ApiDescription>();
    o.AddOperationTransformer<Lapor.Web.Features.Integrations.OpenApi.ApiDescription>();
});

var app = builder.Build();

if (BackupCommand.IsRequested(args))
{
    return await BackupCommand.RunAsync(app, args);
}

if (InviteAdministratorCommand.IsRequested(args))
{
    return await InviteAdministratorCommand.RunAsync(app, args);
}

if (GenerateCommand.IsRequested(args))
{
    return await GenerateCommand.RunAsync(app, args);
}

if (RecountTallyCommand.IsRequested(args))
{
    return await RecountTallyCommand.RunAsync(app);
}

if (TriageEvalCommand.IsRequested(args))
{
    return await TriageEvalCommand.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();

// Forwarded headers first, so rate limits and logs see the real client (only from configured proxies).
app.UseForwardedHeaders();
app.UseLaporSecurityHeaders();
// Compresses what the endpoints write (pages, JSON); static files come pre-compressed and pass through untouched.
app.UseResponseCompression();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseExceptionHandler("/Error");
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseSerilogRequestLogging(o =>
{
    o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    o.GetMessageTemplateProperties = (http, path, elapsed, status) =>
    [
        new("RequestMethod", new ScalarValue(http.Request.Method)),
        new("RequestPath", new ScalarValue(SecurityEvents.OneLine(path))),
        new("StatusCode", new ScalarValue(status)),
        new("Elapsed", new ScalarValue(elapsed)),
    ];
});
app.UseLaporHttpsOnly();
app.UseRequestLocalization();
app.UseRouting();
app.UseCors(); // only endpoints that name a policy (Open311's GET methods)
app.UseAuthentication();
app.UseAuthorization();
app.UseTwoFactorEnforcement();
app.UseRateLimiter();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous().WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
app.MapLaporStaticAssets();
// WithStaticAssets: views' "~/css/site.css" links resolve to the fingerprinted names of the asset manifest.
app.MapControllers().WithStaticAssets();

// The JSON API's description (Open311, intake) for client developers: Development, or when OpenApi:Enabled.
if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("OpenApi:Enabled"))
{
    app.MapOpenApi().AllowAnonymous().WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
}

// Unknown addresses are a plain 404 (shown by the status-code page), not a sign-in prompt.
app.MapFallback("{*path}", () => Results.NotFound()).AllowAnonymous();

await app.RunAsync();
return 0;

public partial class Program;
