using System.Security.Cryptography.X509Certificates;
using Lapor.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Lapor.Web.Infrastructure.Security;

public static class KeyRingServiceCollectionExtensions
{
    /// <summary>One key ring for every instance and restart: sign-ins and antiforgery tokens stay valid across them.</summary>
    public static IServiceCollection AddLaporKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var keys = services.AddDataProtection().SetApplicationName("Lapor");
        if (string.IsNullOrWhiteSpace(options.KeysFolder))
        {
            keys.PersistKeysToDbContext<LaporDbContext>();
        }
        else
        {
            keys.PersistKeysToFileSystem(Directory.CreateDirectory(options.KeysFolder));
        }

        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var current = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            keys.ProtectKeysWithCertificate(current);
            var previous = options.PreviousCertificates.Select(entry => entry.Split('|', 2)).Select(parts => X509CertificateLoader.LoadPkcs12FromFile(parts[0], parts.ElementAtOrDefault(1)));
            keys.UnprotectKeysWithAnyCertificate([current, .. previous]);
        }

        return services;
    }
}
