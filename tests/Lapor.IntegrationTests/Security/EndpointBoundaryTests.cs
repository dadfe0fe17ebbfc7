using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Lapor.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lapor.IntegrationTests.Security;

/// <summary>
/// The endpoint matrix's boundary half: every route, query and form parameter of every endpoint (found from the
/// actions' parameters and the model metadata of what they bind, so a new parameter is covered by itself) gets
/// negative, huge, far-future, overflowing, NUL-bearing and very long values, as every role that reaches it.
/// None may answer 5xx or show a stack trace, and a refusal is an error page, ProblemDetails or the specification's
/// error list, never an empty body (QUALITY 25, issue 15). On an app of its own: the values are posted with valid
/// tokens, so they may change data.
/// </summary>
public sealed partial class EndpointBoundaryTests(LaporAppFactory app, ITestOutputHelper output) : IClassFixture<LaporAppFactory>
{
    /// <summary>Above the Open311 POST's 64 KB in a form; in an address, just under the 8 KB request line Kestrel accepts.</summary>
    private static readonly string VeryLongField = new('x', 70_000), VeryLongInAddress = new('x', 7_000);

    /// <summary>Sent to every parameter, whatever its type (the very long value is added by <see cref="ValuesFor"/>).</summary>
    private static readonly (string Label, string Value)[] AnyValue =
    [
        ("negative", "-1"),
        ("NUL", "a\0b"),
        ("garbled", "true\u00BF'\"(<x>"),
    ];

    /// <summary>Sent to numbers, enums and text: zero, beyond int, and what no decimal holds.</summary>
    private static readonly (string Label, string Value)[] NumberValues =
    [
        ("zero", "0"),
        ("long max", "9223372036854775807"),
        ("beyond double", "1e400"),
        ("NaN", "NaN"),
    ];

    /// <summary>Sent to dates and text.</summary>
    private static readonly (string Label, string Value)[] DateValues =
    [
        ("last date", "9999-12-31"),
        ("first date", "0001-01-01"),
        ("beyond dates", "10000-01-01"),
    ];

    /// <summary>Sent to text only: keyset cursors ("sort value_id") are parsed by hand.</summary>
    private static readonly (string Label, string Value)[] TextValues =
    [
        ("cursor below zero", "-1_-1"),
        ("cursor beyond ticks", "9223372036854775807_1"),
        ("cursor at the last tick", "3155378975999999999_9223372036854775807"),
    ];

    /// <summary>
    /// Who asks: nobody, then one account of each kind of role (the officer's and the coordinator's lists differ). Public
    /// pages tell apart only a visitor, a citizen and a member of staff, so they are asked by the first three.
    /// </summary>
    private static readonly (string? Email, bool OnPublicPages)[] Accounts =
        [(null, true), (StaffWorld.CitizenX, true), (StaffWorld.OfficerA, true), (StaffWorld.Coordinator, false), (StaffWorld.Admin, false)];

    private sealed record Session(string Name, HttpClient Client, string[] Roles, string Token, bool OnPublicPages);

    private sealed record Parameter(string Name, bool InRoute, Type Type);

    private sealed record Case(Session Session, AppEndpoint Endpoint, Parameter Parameter, string Label, string Value);

    [Fact]
    public async Task EveryParameter_WithBoundaryValues_AsEveryRoleThatReachesIt_NeverAnswers5xx()
    {
        var (number, attachment) = await ArrangeAsync();
        var sessions = await SessionsAsync();
        var metadata = app.Services.GetRequiredService<IModelMetadataProvider>();
        var cases = (
            from endpoint in AppEndpoints.All(app)
            where endpoint.Method is "GET" or "POST" && endpoint.Action is not null
            from session in sessions
            where Reaches(session, endpoint)
            from parameter in Parameters(endpoint, metadata)
            from value in ValuesFor(parameter, inAddress: parameter.InRoute || endpoint.Method == "GET")
            select new Case(session, endpoint, parameter, value.Label, value.Value)).ToList();

        var failures = new ConcurrentBag<string>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, cancellationToken) =>
        {
            using var response = await SendAsync(c, number, attachment, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (status >= 500 || StackTrace().IsMatch(body) || (status >= 400 && body.Length == 0))
            {
                failures.Add($"{c.Endpoint.Method} /{c.Endpoint.Pattern} {c.Parameter.Name}={c.Label} as {c.Session.Name}: {status}");
            }
        });

        output.WriteLine($"{cases.Count} cases in {watch.Elapsed.TotalSeconds:F0} s");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} cases:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Order(StringComparer.Ordinal))}");
        Assert.True(cases.Count > 2000, $"only {cases.Count} cases");

        // A case that ended its session would have turned the rest of that role's cases into anonymous ones.
        foreach (var session in sessions.Where(s => s.Roles.Length > 0))
        {
            var account = await session.Client.GetAsync("/akun");
            Assert.True(account.StatusCode == HttpStatusCode.OK, $"{session.Name}'s session ended: /akun answers {(int)account.StatusCode} {account.Headers.Location}");
        }
    }

    [Fact]
    public void ParameterDiscovery_FindsFiltersFormsAndSpecificationNames()
    {
        var metadata = app.Services.GetRequiredService<IModelMetadataProvider>();
        var endpoints = AppEndpoints.All(app).Where(e => e.Action is not null).ToList();
        IEnumerable<string> Of(string method, string pattern) => Parameters(endpoints.First(e => e.Method == method && e.Pattern == pattern), metadata).Select(p => p.Name);

        Assert.Contains("filter.After", Of("GET", "laporan"));
        Assert.Contains("To", Of("GET", "inbox"));
        Assert.Contains("Tab", Of("GET", "inbox"));
        Assert.Contains("form.api_key", Of("POST", "open311/v2/requests.{format:regex(^(json|xml)$)}"));
        Assert.Contains("form.attribute[classification]", Of("POST", "open311/v2/requests.{format:regex(^(json|xml)$)}"));
        Assert.Contains("start_date", Of("GET", "open311/v2/requests.{format:regex(^(json|xml)$)}"));
        Assert.Contains("form.AgencyIds[0]", Of("POST", "inbox/{trackingNumber}/verifikasi"));
        Assert.Contains("trackingNumber", Of("GET", "laporan/{trackingNumber}"));
    }

    /// <summary>
    /// Pages as every account their policies let in; public pages as a visitor, a citizen and a member of staff. The API
    /// and the error pages read no session (the matrix checks that their posts skip antiforgery): asked anonymously.
    /// </summary>
    private static bool Reaches(Session session, AppEndpoint endpoint) =>
        endpoint.IsApi || endpoint.IgnoresAntiforgery ? session.Roles.Length == 0
            : endpoint.IsPublic ? session.OnPublicPages
            : session.Roles.Length > 0 && !endpoint.Refuses(session.Roles);

    private static IEnumerable<(string Label, string Value)> ValuesFor(Parameter parameter, bool inAddress)
    {
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        var text = type == typeof(string) || type == typeof(object);
        var number = type.IsEnum || type.IsPrimitive && type != typeof(bool) || type == typeof(decimal);
        var date = type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);
        return AnyValue
            .Append((Label: "very long", Value: inAddress ? VeryLongInAddress : VeryLongField))
            .Concat(text || number ? NumberValues : [])
            .Concat(text || date ? DateValues : [])
            .Concat(text ? TextValues : [])
            // A NUL in a path: the test server refuses to send it, and Kestrel answers 400 before routing.
            .Where(v => !(parameter.InRoute && v.Value.Contains('\0', StringComparison.Ordinal)));
    }

    /// <summary>
    /// Models an action binds in its body rather than as parameters, from the query string without a prefix: the inbox binds
    /// only the list it shows (InboxController.FromQueryAsync). Their fields are tried like any parameter's.
    /// </summary>
    private static readonly Dictionary<(string Method, string Pattern), Type[]> BoundInCode = new()
    {
        [("GET", "inbox")] = [typeof(Lapor.Web.Features.StaffWork.Inbox.AgencyInbox.Filter), typeof(Lapor.Web.Features.StaffWork.Inbox.CoordinatorQueue.Filter)],
    };

    /// <summary>The route's parameters, then each query or form field the action binds: simple parameters by name, complex ones property by property.</summary>
    private static IEnumerable<Parameter> Parameters(AppEndpoint endpoint, IModelMetadataProvider metadata)
    {
        foreach (var model in BoundInCode.GetValueOrDefault((endpoint.Method, endpoint.Pattern)) ?? [])
        {
            foreach (var field in Fields(metadata.GetMetadataForType(model), "", depth: 0))
            {
                yield return field;
            }
        }

        var bound = endpoint.Action!.Parameters.Concat(endpoint.Action.BoundProperties).ToList();
        var route = AppEndpoints.RouteParameters(endpoint.Pattern).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in route)
        {
            yield return new Parameter(name, true, bound.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.ParameterType ?? typeof(string));
        }

        foreach (var parameter in bound)
        {
            var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
            if (IsRequestValue(parameter.BindingInfo?.BindingSource) && !route.Contains(name))
            {
                foreach (var field in Fields(metadata.GetMetadataForType(parameter.ParameterType), name, depth: 0))
                {
                    yield return field;
                }
            }
        }
    }

    private static IEnumerable<Parameter> Fields(ModelMetadata model, string name, int depth)
    {
        if (!model.IsComplexType || depth > 3)
        {
            return [new Parameter(name, false, model.ModelType)];
        }

        if (model.ModelType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>)))
        {
            return [new Parameter($"{name}[classification]", false, typeof(string))];
        }

        if (model.IsEnumerableType)
        {
            return model.ElementMetadata is { } element ? Fields(element, $"{name}[0]", depth + 1) : [new Parameter(name, false, typeof(string))];
        }

        return model.Properties
            .Where(p => p.IsBindingAllowed && IsRequestValue(p.BindingSource) && (!p.IsReadOnly || p.IsComplexType))
            .Where(p => p.ModelType != typeof(IFormFile) && p.ElementType != typeof(IFormFile))
            .SelectMany(p => Fields(p, name.Length == 0 ? p.BinderModelName ?? p.PropertyName! : $"{name}.{p.BinderModelName ?? p.PropertyName}", depth + 1));
    }

    private static bool IsRequestValue(BindingSource? source) =>
        source is null || source == BindingSource.Query || source == BindingSource.Form || source == BindingSource.ModelBinding;

    private static Task<HttpResponseMessage> SendAsync(Case c, string number, Guid attachment, CancellationToken cancellationToken)
    {
        var pattern = c.Parameter.InRoute ? RouteValue(c.Endpoint.Pattern, c.Parameter.Name, Uri.EscapeDataString(c.Value)) : c.Endpoint.Pattern;
        var url = AppEndpoints.Url(pattern, number, attachment);
        if (c.Endpoint.Method == "GET")
        {
            return c.Session.Client.GetAsync(c.Parameter.InRoute ? url : $"{url}?{Uri.EscapeDataString(c.Parameter.Name)}={Uri.EscapeDataString(c.Value)}", cancellationToken);
        }

        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = c.Session.Token };
        if (!c.Parameter.InRoute)
        {
            fields[c.Parameter.Name] = c.Value;
        }

        return c.Session.Client.PostAsync(url, new FormUrlEncodedContent(fields), cancellationToken);
    }

    /// <summary>The pattern with one route parameter replaced by a literal value.</summary>
    private static string RouteValue(string pattern, string parameter, string value) =>
        Regex.Replace(pattern, $@"\{{{parameter}(:[^}}]*)?\}}", value.Replace("$", "$$", StringComparison.Ordinal));

    /// <summary>A citizen's report, routed to agency A (so its officer reaches every report page), with an attachment.</summary>
    private async Task<(string Number, Guid Attachment)> ArrangeAsync()
    {
        var world = await StaffWorld.CreateAsync(app);
        var citizen = await Staff.SignInAsync(app, StaffWorld.CitizenX);
        var (number, _) = await Citizen.FileAndConfirmAsync(citizen.Client, title: "Batas nilai",
            extra: f => Citizen.AddFile(f, TestImages.Jpeg(), "bukti.jpg", "image/jpeg"));
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var attachment = await app.WithDbAsync(db => db.Attachments.Where(a => db.Reports.Any(r => r.Id == a.ReportId && r.TrackingNumber == number)).Select(a => a.Id).SingleAsync());
        return (number, attachment);
    }

    private async Task<List<Session>> SessionsAsync()
    {
        var sessions = new List<Session>();
        foreach (var (email, onPublicPages) in Accounts)
        {
            var client = email is null ? app.CreateBrowser() : (await Staff.SignInAsync(app, email)).Client;
            var roles = email is null ? [] : await app.WithDbAsync(db =>
                db.UserRoles.Where(ur => db.Users.Any(u => u.Id == ur.UserId && u.Email == email)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToArrayAsync());
            if (email is not null)
            {
                // The first visit makes the authenticator key, which renews the security stamp: done here, not while
                // the session's other cases are in flight (they would be signed out by the stamp check).
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/akun/dua-faktor")).StatusCode);
            }

            var token = (await HtmlPage.GetAsync(client, "/lapor")).AntiforgeryToken("/lapor");
            sessions.Add(new Session(email ?? "anonymous", client, roles, token, onPublicPages));
        }

        return sessions;
    }

    [GeneratedRegex(@"Exception|\bat [\w.`<>]+\.[\w<>]+\(")]
    private static partial Regex StackTrace();
}
