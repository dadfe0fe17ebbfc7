using Microsoft.Extensions.Options;
using MimeKit;

namespace Lapor.Web.Infrastructure.Notifications;

/// <summary>Writes each mail as an .eml file, so a bare installation shows its mail without a server.</summary>
public sealed class PickupDirectoryMailSender(IOptions<MailOptions> options, IHostEnvironment environment) : IMailSender
{
    private readonly string _folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory ?? "App_Data/mail"));

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
    }
}
