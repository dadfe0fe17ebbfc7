namespace Lapor.Web.Infrastructure.Deadlines;

public sealed class DeadlineOptions
{
    public const string Section = "Deadlines";

    /// <summary>IANA id of the deployment's time zone; working days are counted in it.</summary>
    public string TimeZone { get; set; } = "Asia/Jakarta";

    /// <summary>Whether this instance runs the deadline job (safe on several instances; turning it off saves work).</summary>
    public bool JobEnabled { get; set; } = true;

    /// <summary>How often overdue reports, hold expiry and auto-completion are checked.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(5);
}
