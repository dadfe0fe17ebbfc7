using MimeKit;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>Delivers one composed mail; throws when it could not, so the outbox retries.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
