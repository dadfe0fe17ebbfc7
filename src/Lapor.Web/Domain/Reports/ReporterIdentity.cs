namespace Lapor.Web.Domain.Reports;

/// <summary>
/// Who filed a report: kept in its own table, away from the report, so that no officer-facing
/// query can select it by accident. Only the reporter and coordinators (audited) read it.
/// </summary>
public sealed class ReporterIdentity
{
    private ReporterIdentity() { }

    public ReporterIdentity(Report report, string? fullName, string? email, string? phone)
    {
        Report = report;
        FullName = Clean(fullName);
        Email = Clean(email);
        Phone = Clean(phone);
    }

    public long ReportId { get; private set; }
    public Report? Report { get; private set; }
    public string? FullName { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }

    /// <summary>UU PDP erasure: the report stays, the person is gone.</summary>
    public void Erase() => (FullName, Email, Phone) = (null, null, null);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
