namespace Lapor.Web.Infrastructure.Privacy;

/// <summary>The "Privacy" configuration section: how long a closed report keeps its reporter's identity.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Days after a report was completed or archived (and last touched) before its reporter's name
    /// and contact details are erased (UU PDP Pasal 43). The report itself stays for the record.
    /// </summary>
    public int ReporterIdentityRetentionDays { get; set; } = 5 * 365;

    public bool JobEnabled { get; set; } = true;

    public TimeSpan JobInterval { get; set; } = TimeSpan.FromHours(6);
}
