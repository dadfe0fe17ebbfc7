using Lapor.Web.Domain.Reports;
using Lapor.Web.Features.Shared.Workflow;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>
/// What an incoming SMS, WhatsApp or Telegram message means, once the platform's webhook has been
/// checked and read (<see cref="IncomingMessage"/>): today, always a new report, whose tracking
/// number goes back on the same channel through the outbox.
/// </summary>
public sealed class Conversation(ReportFiling filing)
{
    public abstract record Outcome;

    /// <summary>A new report was filed (or had been, for a resent message).</summary>
    public sealed record Filed(string TrackingNumber) : Outcome;

    /// <summary>Refused, with a message for the gateway's caller.</summary>
    public sealed record Refused(string Message) : Outcome;

    public async Task<Outcome> ReceiveAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        var draft = new ReportDraft(Classification.Complaint, ReportDraft.TitleFrom(message.Text), message.Text, null, null, null, null, null, null, false, false);
        var result = await filing.FileAsync(
            new ReportFiling.Filing(draft, Actor.System, message.Channel, message.Token, GiveAccessCode: false, message.Name, null, message.Phone, [.. message.Media.Select(AsFile)])
            {
                Reply = (message.ReplyChannel, message.ReplyTo),
            },
            cancellationToken);
        return result is ReportFiling.Filed filed ? new Filed(filed.TrackingNumber) : new Refused(((ReportFiling.Rejected)result).Message);
    }

    /// <summary>The media as the web form's upload, so it meets the same checks and metadata stripping.</summary>
    private static IFormFile AsFile(IncomingMedia media) =>
        new FormFile(new MemoryStream(media.Content), 0, media.Content.Length, "Attachments", media.FileName) { Headers = new HeaderDictionary(), ContentType = media.ContentType };
}
