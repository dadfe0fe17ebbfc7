namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>API clients' webhooks (configuration section <c>Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Only https addresses may be set (everywhere but Development, where a local receiver listens on http).</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>How long one delivery may take before it counts as failed and the outbox tries again later.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
