using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Lapor.TestSupport;
using Lapor.Web.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Features.Administration;

/// <summary>Issue 19: a shared office calendar turned a 09:00–11:00 meeting into a national holiday and moved real due dates.</summary>
public sealed class HolidayImportTests(LaporAppFactory app) : IClassFixture<LaporAppFactory>
{
    [Fact]
    public async Task ICalendar_WithMeetingAndHoliday_PreviewListsHolidaySkipsMeetingSavesNothing_ConfirmSavesOnlyHoliday_AndMovesDueDate()
    {
        await StaffWorld.CreateAsync(app);
        var (number, _) = await Citizen.FileAndConfirmAsync(app.CreateBrowser());
        var dueBefore = await VerifyDueAsync(number);
        var holiday = await NextWorkingDayAsync(); // between today and the verification due date
        var meetingDay = holiday.AddDays(holiday.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var preview = await UploadAsync(admin, "kantor.ics", Calendar(meetingDay, holiday), "text/calendar");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal([Iso(holiday)], preview.Document.QuerySelectorAll("[data-testid=preview-days] tbody tr").Select(r => r.GetAttribute("data-date")));
        var skipped = preview.Document.QuerySelector("[data-testid=preview-skipped]")!.TextContent;
        Assert.Contains("Rapat koordinasi", skipped, StringComparison.Ordinal);
        Assert.Contains("acara berjam (misalnya rapat)", skipped, StringComparison.Ordinal);
        Assert.Contains(holiday.ToString("dddd, d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID")), preview.Text, StringComparison.Ordinal);
        Assert.Contains(number, preview.Document.QuerySelector("#moves-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Date == holiday || h.Date == meetingDay)));
        Assert.Equal(dueBefore, await VerifyDueAsync(number));

        var saved = await PostFormAsync(admin, preview, "/admin/libur/impor/simpan", ("Rows[0].Kind", "Regional"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var days = await app.WithDbAsync(db => db.Holidays.Where(h => h.Date == holiday || h.Date == meetingDay).ToListAsync());
        Assert.Equal([(holiday, "Hari Jadi Kabupaten Uji", HolidayKind.Regional)], days.Select(h => (h.Date, h.Name, h.Kind)));
        var calendar = new WorkingDayCalendar(await app.WithDbAsync(db => db.Holidays.Select(h => h.Date).ToListAsync()));
        Assert.Equal(calendar.AddWorkingDays(dueBefore, 1), await VerifyDueAsync(number));
        var done = await admin.OpenAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("1 hari libur ditambahkan, 0 sudah ada;", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_KindForAll_AndUntickedRows_AreKept_ChangedChoiceIsPreviewedAgainBeforeSaving()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);
        var csv = "tanggal,nama\n2031-03-03,Libur satu\n2031-03-04,Libur dua\n";
        var preview = await UploadAsync(admin, "libur.csv", csv, "text/csv");

        var refreshed = await HtmlPage.FromAsync(await PostFormAsync(admin, preview, "/admin/libur/impor/pratinjau", ("KindForAll", "JointLeave")));

        Assert.All(refreshed.Document.QuerySelectorAll<IHtmlSelectElement>("[data-testid=preview-days] select"), s => Assert.Equal("JointLeave", s.Value));

        // Unticking a day after the preview was made: shown again, nothing saved.
        var again = await HtmlPage.FromAsync(await PostFormAsync(admin, refreshed, "/admin/libur/impor/simpan", ("Rows[1].Include", null)));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Pilihan hari berubah sejak pratinjau ini dibuat", again.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Date.Year == 2031)));

        var saved = await PostFormAsync(admin, again, "/admin/libur/impor/simpan");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var days = await app.WithDbAsync(db => db.Holidays.Where(h => h.Date.Year == 2031).Select(h => new { h.Date, h.Kind }).ToListAsync());
        Assert.Equal([(new DateOnly(2031, 3, 3), HolidayKind.JointLeave)], days.Select(d => (d.Date, d.Kind)));
    }

    [Fact]
    public async Task Preview_MarksDaysAlreadyInTheTable()
    {
        await StaffWorld.CreateAsync(app);
        var admin = await Staff.SignInAsync(app, StaffWorld.Admin);

        var preview = await UploadAsync(admin, "libur.csv", "2026-12-25,Natal lagi\n2032-01-05,Libur baru\n", "text/csv");

        var rows = preview.Document.QuerySelectorAll("[data-testid=preview-days] tbody tr").ToList();
        Assert.Contains("sudah ada", rows.Single(r => r.GetAttribute("data-date") == "2026-12-25").TextContent, StringComparison.Ordinal);
        Assert.Null(rows.Single(r => r.GetAttribute("data-date") == "2026-12-25").QuerySelector("input[type=checkbox]"));
        Assert.NotNull(rows.Single(r => r.GetAttribute("data-date") == "2032-01-05").QuerySelector("input[type=checkbox][checked]"));
        Assert.Contains("Simpan 1 hari libur", preview.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StaffWorld.Coordinator)]
    [InlineData(StaffWorld.OfficerA)]
    public async Task ImportPreviewAndSave_AreForAdministratorsOnly(string email)
    {
        await StaffWorld.CreateAsync(app);
        var user = await Staff.SignInAsync(app, email);

        var save = await user.SubmitAsync("/admin/libur/impor/simpan", ("Rows[0].Date", "2033-01-03"), ("Rows[0].Name", "Libur curian"), ("Rows[0].Kind", "National"),
            ("Rows[0].Include", "true"), ("Previewed", "2033-01-03"));
        var refresh = await user.SubmitAsync("/admin/libur/impor/pratinjau", ("Rows[0].Date", "2033-01-03"), ("Rows[0].Name", "Libur curian"));

        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refresh.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Holidays.AnyAsync(h => h.Date.Year == 2033)));
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Calendar(DateOnly meeting, DateOnly holiday) => string.Join("\r\n",
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Uji//Kantor//ID",
        "BEGIN:VEVENT", "UID:rapat@uji", $"DTSTART;TZID=Asia/Jakarta:{meeting:yyyyMMdd}T090000", $"DTEND;TZID=Asia/Jakarta:{meeting:yyyyMMdd}T110000", "SUMMARY:Rapat koordinasi", "END:VEVENT",
        "BEGIN:VEVENT", "UID:libur@uji", $"DTSTART;VALUE=DATE:{holiday:yyyyMMdd}", $"DTEND;VALUE=DATE:{holiday.AddDays(1):yyyyMMdd}", "SUMMARY:Hari Jadi Kabupaten Uji", "END:VEVENT",
        "END:VCALENDAR", "");

    private Task<DateOnly> VerifyDueAsync(string number) =>
        app.WithDbAsync(db => db.Reports.Where(r => r.TrackingNumber == number).Select(r => r.VerifyDueOn!.Value).SingleAsync());

    /// <summary>The first working day after today (Jakarta), by the table as it stands.</summary>
    private async Task<DateOnly> NextWorkingDayAsync()
    {
        var calendar = new WorkingDayCalendar(await app.WithDbAsync(db => db.Holidays.Select(h => h.Date).ToListAsync()));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")).DateTime);
        return calendar.AddWorkingDays(today, 1);
    }

    private static async Task<HtmlPage> UploadAsync(Staff admin, string name, string text, string type)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return await HtmlPage.FromAsync(await admin.Client.PostAsync("/admin/libur/impor", new MultipartFormDataContent
        {
            { new StringContent(await admin.TokenAsync()), "__RequestVerificationToken" },
            { file, "file", name },
        }));
    }

    /// <summary>The preview form's fields as a browser sends them (ticked boxes only), with some changed (null: left out).</summary>
    internal static Task<HttpResponseMessage> PostFormAsync(Staff admin, HtmlPage page, string action, params (string Name, string? Value)[] changes)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>("form[action='/admin/libur/impor/simpan']")!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            if (changes.Any(c => c.Name == name && (element is not IHtmlInputElement { Type: "hidden" } || name.EndsWith(".Kind", StringComparison.Ordinal) || name == "KindForAll")))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" } box when !box.IsChecked:
                    break;
                case IHtmlInputElement input:
                    fields.Add(KeyValuePair.Create(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(KeyValuePair.Create(name, select.Value ?? ""));
                    break;
            }
        }

        fields.AddRange(changes.Where(c => c.Value is not null).Select(c => KeyValuePair.Create(c.Name, c.Value!)));
        return admin.Client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
