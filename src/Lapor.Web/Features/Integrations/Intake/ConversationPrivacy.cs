using Lapor.Web.Domain.Reports;
using Lapor.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using static Lapor.Web.Features.Integrations.Intake.Conversation;

namespace Lapor.Web.Features.Integrations.Intake;

/// <summary>RAHASIA/ANONIM LPR-… after filing: the sender's own open report becomes confidential and/or anonymous; a flag is never cleared by a message.</summary>
public sealed class ConversationPrivacy(ConversationReplies replies, IStringLocalizer<SharedResource> t)
{
    public async Task<Outcome> ProtectAsync(IncomingMessage message, ConversationSender sender, ConversationCommand.Protect protect, CancellationToken cancellationToken)
    {
        if (await replies.OpenReportsOf(sender).Where(r => r.TrackingNumber == protect.TrackingNumber).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken) is not { } id)
        {
            return await replies.NotFoundAsync(message, sender, protect.TrackingNumber, cancellationToken);
        }

        var culture = await replies.CultureOfAsync(message, sender, cancellationToken);
        return await replies.RetryAsync(() => replies.ChangeAsync(message, sender, id, protect.TrackingNumber, (s, _) =>
        {
            s.Report.Protect(Actor.Guest, protect.Anonymous, protect.Confidential, s.Now);
            var now = UiCulture.Run(culture, () => string.Join(", ", new[]
            {
                s.Report.IsConfidential ? t["Chat.ConversationPrivacyConfidential"].Value : null,
                s.Report.IsAnonymous ? t["Chat.ConversationPrivacyAnonymous"].Value : null,
            }.Where(p => p is not null)));
            return ("ConversationProtected", new Dictionary<string, string> { ["Privacy"] = now });
        }, cancellationToken));
    }
}
