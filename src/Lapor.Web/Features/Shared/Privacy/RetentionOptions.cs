namespace Lapor.Web.Features.Shared.Privacy;

/// <summary>The "Privacy" configuration section: how long a closed report keeps its reporter's identity, and the outbox its sent messages.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Days after a report was completed or archived (and last touched) before its reporter's name
    /// and contact details are erased (UU PDP Pasal 43). The report itself stays for the record.
    /// </summary>
    public int ReporterIdentityRetentionDays { get; set; } = 5 * 365;

    /// <summary>
    /// Days a sent (or given-up) notification stays in the outbox. The row holds its recipient's
    /// address and the message's fields; after this it is deleted, which also keeps the table small.
    /// </summary>
    public int OutboxRetentionDays { get; set; } = 90;

    public bool JobEnabled { get; set; } = true;

    public TimeSpan JobInterval { get; set; } = TimeSpan.FromHours(6);
}
