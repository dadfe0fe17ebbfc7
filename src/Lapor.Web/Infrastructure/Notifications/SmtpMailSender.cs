using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>Sends through an SMTP server with MailKit.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(mail.SmtpHost ?? throw new InvalidOperationException("Mail:SmtpHost is not set."), mail.SmtpPort, mail.SmtpUseTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(mail.SmtpUserName))
        {
            await client.AuthenticateAsync(mail.SmtpUserName, mail.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
