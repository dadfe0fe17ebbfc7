using System.Globalization;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Features.Inbox;

/// <summary>
/// Staff search matches typed text whatever its case, with the same rows on SQLite, PostgreSQL and SQL Server (issue 22):
/// SQL Server's default collation ignores case, SQLite's and PostgreSQL's comparisons did not, and SQLite's own lower()
/// leaves "É" alone. Accents still count on all three ("jose" is not "JOSÉ"), as SQL Server's default collation does.
/// </summary>
public sealed class InboxSearchCaseTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    private const string Title = "JALAN SAWO Amblas Depan Rumah Pak JOSÉ";
    private const string Body = "Sejak hujan Senin lalu aspal di Kelurahan PASIRKALIKI turun setengah meter, motor sering jatuh.";

    [Theory]
    [InlineData("jalan sawo")]
    [InlineData("Jalan Sawo")]
    [InlineData("josé")]
    [InlineData("Pak José")]
    [InlineData("kelurahan pasirkaliki")]
    public async Task BothQueues_FindTheReport_WhateverTheCaseTyped(string typed)
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var number = await FileAsync();

        // The coordinator's queue (new reports), then the officer's inbox once the report is routed to the agency.
        var queue = await coordinator.OpenAsync($"/inbox?Q={Uri.EscapeDataString(typed)}");
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var inbox = await officer.OpenAsync($"/inbox?Tab=Dispositioned&Q={Uri.EscapeDataString(typed)}");

        Assert.Contains(number, queue.Text, StringComparison.Ordinal);
        Assert.Contains(number, inbox.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jose")]
    [InlineData("jalan-sawo")]
    public async Task BothQueues_DoNotMatch_OtherLettersOrAccents(string typed)
    {
        var world = await StaffWorld.CreateAsync(app);
        var coordinator = await Staff.SignInAsync(app, StaffWorld.Coordinator);
        var number = await FileAsync();

        var queue = await coordinator.OpenAsync($"/inbox?Q={Uri.EscapeDataString(typed)}");
        await coordinator.ActAsync(number, "verifikasi", ("AgencyIds", world.AgencyA.ToString(CultureInfo.InvariantCulture)));
        var officer = await Staff.SignInAsync(app, StaffWorld.OfficerA);
        var inbox = await officer.OpenAsync($"/inbox?Tab=Dispositioned&Q={Uri.EscapeDataString(typed)}");
        var all = await officer.OpenAsync($"/inbox?Tab=Dispositioned&Q={number}");

        Assert.DoesNotContain(number, queue.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(number, inbox.Text, StringComparison.Ordinal);
        Assert.Contains(number, all.Text, StringComparison.Ordinal);
    }

    private async Task<string> FileAsync() =>
        (await Citizen.FileAndConfirmAsync(app.CreateBrowser(), Title, fields: new Dictionary<string, string> { ["Form.Body"] = Body })).Number;
}
