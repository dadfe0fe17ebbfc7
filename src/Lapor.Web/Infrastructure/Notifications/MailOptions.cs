namespace Lapor.Web.Infrastructure.Notifications;

public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender shown to recipients.</summary>
    public string From { get; set; } = "Lapor <no-reply@lapor.local>";

    /// <summary>When set, mails are written as .eml files into this folder instead of being sent (the embedded default).</summary>
    public string? PickupDirectory { get; set; }

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;

    /// <summary>StartTLS when the server offers it; set false only for a local relay.</summary>
    public bool SmtpUseTls { get; set; } = true;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>The portal's public address, for links in mails (e.g. https://lapor.example.go.id).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5084";

    /// <summary>Whether this instance runs the dispatcher and the daily digest (turn off on instances that should only serve pages).</summary>
    public bool DispatchEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for mail to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The local time (deployment time zone, <c>Deadlines:TimeZone</c>) from which the daily digest goes out.</summary>
    public TimeOnly DigestTime { get; set; } = new(7, 0);

    /// <summary>How often the digest job looks whether a digest is due (at most this long after <see cref="DigestTime"/>).</summary>
    public TimeSpan DigestInterval { get; set; } = TimeSpan.FromMinutes(5);
}
