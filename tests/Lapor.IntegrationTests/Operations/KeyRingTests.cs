using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lapor.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace Lapor.IntegrationTests.Operations;

/// <summary>The key ring in a shared folder instead of the database, encrypted at rest with a certificate that can be renewed.</summary>
public sealed class KeyRingTests : IDisposable
{
    private const string Password = "sandi-sertifikat";
    private readonly string _root = Directory.CreateTempSubdirectory("lapor-it-").FullName;
    private readonly List<Instance> _instances = [];

    private string KeysFolder => Path.Combine(_root, "keys");

    [Fact]
    public async Task SignInOnOne_ContinuesOnTheOther_WithKeysEncryptedInTheSharedFolder()
    {
        var certificate = Certificate("lama");
        var first = Start(certificate);
        var second = Start(certificate);
        await StaffWorld.CreateAsync(first);
        var cookies = new CookieContainer();

        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(Browser(first, cookies), StaffWorld.OfficerA)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Browser(second, cookies).GetAsync("/inbox")).StatusCode);

        var keyFiles = Directory.GetFiles(KeysFolder, "key-*.xml");
        Assert.NotEmpty(keyFiles);
        Assert.All(keyFiles, file =>
        {
            var xml = File.ReadAllText(file);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal); // only the encrypted form is on disk
        });
        Assert.False(await first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task ARenewedCertificate_KeepsSignInsValid_WhileTheOldOneIsListedAsPrevious()
    {
        var old = Certificate("lama");
        var renewed = Certificate("baru");
        var before = Start(old);
        await StaffWorld.CreateAsync(before);
        var cookies = new CookieContainer();
        Assert.Equal(HttpStatusCode.Redirect, (await Citizen.SignInAsync(Browser(before, cookies), StaffWorld.OfficerA)).StatusCode);

        var withPrevious = Start(renewed, previous: $"{old}|{Password}");
        var withoutPrevious = Start(renewed);

        Assert.Equal(HttpStatusCode.OK, (await Browser(withPrevious, cookies).GetAsync("/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser(withoutPrevious, cookies).GetAsync("/inbox")).StatusCode); // cannot read the key: signed out
    }

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        TestDatabase.Drop(_root);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Instance Start(string certificate, string? previous = null)
    {
        var instance = new Instance(_root, certificate, previous);
        _instances.Add(instance);
        return instance;
    }

    private static HttpClient Browser(LaporAppFactory app, CookieContainer cookies) =>
        app.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies));

    private string Certificate(string name)
    {
        var path = Path.Combine(_root, $"{name}.pfx");
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Lapor key ring {name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        File.WriteAllBytes(path, created.Export(X509ContentType.Pfx, Password));
        return path;
    }

    private sealed class Instance(string root, string certificate, string? previous) : LaporAppFactory(root, ownsRoot: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("DataProtection:KeysFolder", Path.Combine(Root, "keys"));
            builder.UseSetting("DataProtection:CertificatePath", certificate);
            builder.UseSetting("DataProtection:CertificatePassword", Password);
            if (previous is not null)
            {
                builder.UseSetting("DataProtection:PreviousCertificates:0", previous);
            }
        }
    }
}
