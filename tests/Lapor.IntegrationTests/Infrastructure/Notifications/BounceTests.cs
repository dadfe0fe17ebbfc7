using System.Globalization;
using Lapor.IntegrationTests.Security;
using Lapor.TestSupport;
using Lapor.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Lapor.IntegrationTests.Infrastructure.Notifications;

/// <summary>
/// The app's own SMTP sender and dispatcher against a real SMTP server that refuses one address the
/// way Postfix does, with every log event kept (background jobs off, so the test runs the dispatcher).
/// </summary>
public sealed class BouncingSmtpAppFactory : LaporAppFactory, IAsyncLifetime
{
    public const string RefusedAddress = "kanari.pantul.4c1e@contoh.id";

    public SmtpSink Smtp { get; } = new(RefusedAddress);

    public LogCapture Logs { get; } = new();

    public Task InitializeAsync() => Smtp.StartAsync();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PickupDirectory", "");
        builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Mail:SmtpPort", Smtp.Port.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:SmtpUseTls", "false");
        builder.UseSetting("Mail:DispatchEnabled", "false");
        builder.UseSetting("Deadlines:JobEnabled", "false");
        builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Smtp.Dispose();
    }
}

/// <summary>Issue 15 item 6: a bounce must not put an anonymous reporter's address in the log or on /admin/surat.</summary>
public sealed class BounceTests(BouncingSmtpAppFactory app) : IClassFixture<BouncingSmtpAppFactory>
{
    private const string Masked = "k***@contoh.id";

    [Fact]
    public async Task RecipientRefused_ErrorIsStoredShownAndLoggedOnlyMasked()
    {
        await StaffWorld.CreateAsync(app);
        await Citizen.FileAndConfirmAsync(app.CreateBrowser(), fields: new Dictionary<string, string>
        {
            ["Form.ReporterEmail"] = BouncingSmtpAppFactory.RefusedAddress,
            ["Form.IsAnonymous"] = "true",
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
        }

        var row = await app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == BouncingSmtpAppFactory.RefusedAddress));
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.Equal($"SMTP 550 RecipientNotAccepted: 5.1.1 <{Masked}>: Recipient address rejected: User unknown in virtual mailbox table", row.LastError);

        var page = await (await Staff.SignInAsync(app, StaffWorld.Admin)).OpenAsync("/admin/surat");
        Assert.Contains($"<{Masked}>: Recipient address rejected", page.Text, StringComparison.Ordinal);
        AssertNoAddress("/admin/surat", page.Html);

        var logged = app.Logs.Lines;
        Assert.Contains(logged, line => line.Contains("failed on attempt 1", StringComparison.Ordinal) && line.Contains($"<{Masked}>", StringComparison.Ordinal));
        Assert.All(logged, line => AssertNoAddress("log", line));
    }

    private static void AssertNoAddress(string where, string text) =>
        Assert.False(text.Contains("kanari.pantul", StringComparison.OrdinalIgnoreCase), $"{where} shows the refused address: {text}");
}
