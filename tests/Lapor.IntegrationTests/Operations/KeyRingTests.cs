using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lapor.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Operations;

/// <summary>The key ring in a shared folder instead of the database, encrypted at rest with a certificate.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("lapor-it-").FullName;
    private readonly Instance _first;
    private readonly Instance _second;

    public KeyRingTests()
    {
        var certificate = Path.Combine(_root, "kunci.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Lapor key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            File.WriteAllBytes(certificate, created.Export(X509ContentType.Pfx, "sandi-sertifikat"));
        }

        _first = new Instance(_root, ownsRoot: false, certificate);
        _second = new Instance(_root, ownsRoot: false, certificate);
    }

    private string KeysFolder => Path.Combine(_root, "keys");

    [Fact]
    public async Task SignInOnOne_ContinuesOnTheOther_WithKeysEncryptedInTheSharedFolder()
    {
        await StaffWorld.CreateAsync(_first);
        var cookies = new CookieContainer();
        var onFirst = _first.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));
        var onSecond = _second.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(onFirst, StaffWorld.OfficerA)).StatusCode);
        var inbox = await onSecond.GetAsync("/inbox");

        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        var keyFiles = Directory.GetFiles(KeysFolder, "key-*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, file =>
        {
            var xml = File.ReadAllText(file);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal); // only the encrypted form is on disk
        });
        Assert.False(await _first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class Instance(string root, bool ownsRoot, string certificate) : LaporAppFactory(root, ownsRoot)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DataProtection:KeysFolder", Path.Combine(Root, "keys"));
            builder.UseSetting("DataProtection:CertificatePath", certificate);
            builder.UseSetting("DataProtection:CertificatePassword", "sandi-sertifikat");
        }
    }
}
