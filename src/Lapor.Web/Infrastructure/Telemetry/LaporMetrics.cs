using System.Diagnostics.Metrics;

namespace Lapor.Web.Infrastructure.Telemetry;

/// <summary>
/// What operators watch besides HTTP and the runtime (docs/operations.md, "Monitoring"): reports
/// coming in per channel, mail delivered or failing, deadlines breached, security events. Exported
/// through OpenTelemetry when an OTLP endpoint is configured; readable with dotnet-counters anyway.
/// </summary>
public sealed class LaporMetrics
{
    public const string MeterName = "Lapor";

    private readonly Counter<long> _reportsFiled;
    private readonly Counter<long> _messagesSent;
    private readonly Counter<long> _messagesFailed;
    private readonly Counter<long> _escalations;
    private readonly Counter<long> _securityEvents;

    public LaporMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _reportsFiled = meter.CreateCounter<long>("lapor.reports.filed", "{report}", "Reports stored, by channel.");
        _messagesSent = meter.CreateCounter<long>("lapor.outbox.sent", "{message}", "Notifications delivered, by channel.");
        _messagesFailed = meter.CreateCounter<long>("lapor.outbox.failed", "{message}", "Notification attempts that failed (retried later), by channel.");
        _escalations = meter.CreateCounter<long>("lapor.escalations", "{escalation}", "Escalation rungs reached, by deadline and rung.");
        _securityEvents = meter.CreateCounter<long>("lapor.security.events", "{event}", "Security log events, by OWASP event name.");
    }

    public void ReportFiled(string channel) => _reportsFiled.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void MessageSent(string channel) => _messagesSent.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void MessageFailed(string channel) => _messagesFailed.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void EscalationReached(string deadline, string rung) =>
        _escalations.Add(1, new KeyValuePair<string, object?>("deadline", deadline), new KeyValuePair<string, object?>("rung", rung));

    public void SecurityEvent(string name) => _securityEvents.Add(1, new KeyValuePair<string, object?>("event", name));
}
