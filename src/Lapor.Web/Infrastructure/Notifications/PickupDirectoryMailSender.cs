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

        // Written under a temporary name and renamed when complete, so whoever collects *.eml never reads half a mail.
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
    }
}
