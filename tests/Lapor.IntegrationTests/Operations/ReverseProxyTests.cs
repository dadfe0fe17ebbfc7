using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lapor.TestSupport;

namespace Lapor.IntegrationTests.Operations;

/// <summary>
/// The nginx configuration shipped in docs/deploy, run by a real nginx in front of two portal
/// processes on one database: TLS ends at nginx, both instances serve one citizen's visit, the
/// upload limit matches the portal's, and static files are cached.
/// </summary>
[Trait("Category", "Long")]
public sealed class ReverseProxyTests(ReverseProxyTests.ProxiedPortals proxy) : IClassFixture<ReverseProxyTests.ProxiedPortals>
{
    [Fact]
    public async Task PlainHttp_IsRedirectedToHttps()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var response = await client.GetAsync($"http://localhost:{proxy.HttpPort}/lapor");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("https://localhost/lapor", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OneCitizensVisit_IsServedByBothInstances_OverTlsEndedAtNginx()
    {
        using var citizen = proxy.Client();
        citizen.DefaultRequestHeaders.Host = "lapor.example.go.id"; // HSTS is never sent to "localhost"
        var logBefore = File.Exists(proxy.AccessLog) ? (await File.ReadAllLinesAsync(proxy.AccessLog)).Length : 0;
        var numbers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var form = await HtmlPage.GetAsync(citizen, "/lapor");
            Assert.Equal(HttpStatusCode.OK, form.Status);

            // The portal saw HTTPS through X-Forwarded-Proto from a known proxy: it sends HSTS only over HTTPS.
            Assert.True(form.Response.Headers.Contains("Strict-Transport-Security"));

            var posted = await citizen.PostAsync("/lapor", Citizen.ReportForm(form.AntiforgeryToken("/lapor"), Guid.Parse(form.InputValue("Form.SubmissionToken")),
                extra: f => Citizen.AddFile(f, TestImages.Jpeg(), "foto.jpg", "image/jpeg")));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var confirmation = await HtmlPage.GetAsync(citizen, posted.Headers.Location!.OriginalString);
            numbers.Add(confirmation.Document.QuerySelector("[data-testid=tracking-number]")!.TextContent.Trim());
        }

        Assert.Equal(4, numbers.Distinct().Count());
        Assert.Equal(4, proxy.CountReports());

        // Round robin sent the visit's requests to both instances (the access log names the upstream).
        var log = string.Join('\n', (await File.ReadAllLinesAsync(proxy.AccessLog)).Skip(logBefore));
        Assert.All(proxy.Portals, portal => Assert.Contains($"upstream=127.0.0.1:{portal.Port}", log, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/Health/Ready")]
    [InlineData("/HEALTH/live")]
    public async Task HealthEndpoints_AnswerOnTheServerItself_ButNotToOtherAddresses(string path)
    {
        using var onTheServer = proxy.Client();
        using var fromOutside = proxy.Client(from: IPAddress.Parse("127.0.0.2")); // another address of this machine: not in nginx's allow list

        Assert.Equal(HttpStatusCode.OK, (await onTheServer.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fromOutside.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AnUploadOverTheLimit_IsRefusedByNginx_WithThePortalsLocalizedPage()
    {
        using var citizen = proxy.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/lapor") { Content = new ByteArrayContent(new byte[56 * 1024 * 1024]) };
        request.Headers.ExpectContinue = true; // nginx answers from the declared length, before the body is sent
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");

        var response = await citizen.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Kiriman terlalu besar", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaticFiles_AreCachedByNginx_AndKeepThePortalsHeaders()
    {
        using var client = proxy.Client();
        var home = await HtmlPage.GetAsync(client, "/");
        var stylesheet = home.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).First(h => h.StartsWith("/css/", StringComparison.Ordinal));

        var first = await client.GetAsync(stylesheet);
        var second = await client.GetAsync(stylesheet);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("MISS", first.Headers.GetValues("X-Cache-Status").Single());
        Assert.Equal("HIT", second.Headers.GetValues("X-Cache-Status").Single());
        // The portal's own lifetime for a fingerprinted name comes through nginx untouched.
        Assert.Equal(TimeSpan.FromDays(365), second.Headers.CacheControl?.MaxAge);
        Assert.Contains(second.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
        Assert.True(second.Headers.Contains("Content-Security-Policy"));
    }

    /// <summary>
    /// Compression through the shipped nginx is the portal's: a public page and a stylesheet come compressed, the page a
    /// visitor sees after filing (personal data next to the form's echo) comes plain, as the portal sent it (BREACH).
    /// </summary>
    [Fact]
    public async Task Compression_PassesThroughNginx_AndPersonalPagesStayPlain()
    {
        using var visitor = proxy.Client();
        var home = await SendAsync(visitor, "/");
        var stylesheet = (await HtmlPage.GetAsync(visitor, "/")).Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).First(h => h.StartsWith("/css/", StringComparison.Ordinal));
        var css = await SendAsync(visitor, stylesheet);
        var form = await HtmlPage.GetAsync(visitor, "/lapor");
        var posted = await visitor.PostAsync("/lapor", Citizen.ReportForm(form.AntiforgeryToken("/lapor"), Guid.Parse(form.InputValue("Form.SubmissionToken"))));
        var confirmation = await SendAsync(visitor, posted.Headers.Location!.OriginalString);

        Assert.Equal("br", Assert.Single(home.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", css.Headers.Vary);
        Assert.NotEmpty(css.Content.Headers.ContentEncoding);
        Assert.Equal(HttpStatusCode.OK, confirmation.StatusCode);
        Assert.Empty(confirmation.Content.Headers.ContentEncoding);
        Assert.True(confirmation.Headers.CacheControl?.NoStore);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        return await client.SendAsync(request);
    }

    /// <summary>Two portal processes on one database behind nginx running the shipped configuration; started once for the class.</summary>
    public sealed class ProxiedPortals : IAsyncLifetime, IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("lapor-proxy-").FullName;
        private readonly List<PortalProcess> _portals = [];
        private readonly int _httpPort = LocalProcesses.FreePort();

        public int HttpPort => _httpPort;

        public IReadOnlyList<PortalProcess> Portals => _portals;

        public string AccessLog => Path.Combine(_root, "lapor.access.log");

        private readonly int _httpsPort = LocalProcesses.FreePort();
        private X509Certificate2 _certificate = null!;
        private Process? _nginx;

        public async Task InitializeAsync()
        {
            var settings = PortalProcess.SettingsUnder(_root); // secure cookies, HSTS and the shipped proxy list (127.0.0.1) stay as in production
            for (var i = 0; i < 2; i++)
            {
                var portal = new PortalProcess(settings);
                _portals.Add(portal);
                await portal.StartAsync(TimeSpan.FromSeconds(60)); // one after the other: the first applies the migrations
            }

            _certificate = SelfSignedCertificate();
            await StartNginxAsync();
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose()
        {
            LocalProcesses.Stop(_nginx);
            _nginx = null;
            foreach (var portal in _portals)
            {
                portal.Dispose();
            }

            _certificate?.Dispose();
            TestDatabase.Drop(_root);
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>A browser talking to nginx over HTTPS, from 127.0.0.1 or the given local address.</summary>
        public HttpClient Client(IPAddress? from = null) => new(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is X509Certificate2 c && c.Thumbprint == _certificate.Thumbprint },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(from ?? IPAddress.Loopback, 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        {
            BaseAddress = new Uri($"https://localhost:{_httpsPort}"),
        };

        public int CountReports()
        {
            using var connection = TestDatabase.OpenConnection(_root);
            using var command = connection.CreateCommand();
            command.CommandText = """SELECT COUNT(*) FROM "Reports" """;
            return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>The shipped file with only the host name, ports and paths replaced by this test's.</summary>
        private async Task StartNginxAsync()
        {
            var shipped = await File.ReadAllTextAsync(Path.Combine(LocalProcesses.RepositoryRoot, "docs", "deploy", "lapor.nginx.conf"));
            var site = shipped
                .Replace("server 127.0.0.1:5000", $"server 127.0.0.1:{_portals[0].Port}", StringComparison.Ordinal)
                .Replace("server 127.0.0.1:5001", $"server 127.0.0.1:{_portals[1].Port}", StringComparison.Ordinal)
                .Replace("listen 80;", $"listen 127.0.0.1:{_httpPort};", StringComparison.Ordinal)
                .Replace("listen [::]:80;", "", StringComparison.Ordinal)
                .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{_httpsPort} ssl http2;", StringComparison.Ordinal)
                .Replace("listen [::]:443 ssl http2;", "", StringComparison.Ordinal)
                .Replace("lapor.example.go.id", "localhost", StringComparison.Ordinal)
                .Replace("/etc/ssl/lapor/", _root + "/", StringComparison.Ordinal)
                .Replace("/var/cache/nginx/lapor", Path.Combine(_root, "cache"), StringComparison.Ordinal)
                .Replace("/var/log/nginx/", _root + "/", StringComparison.Ordinal);
            Assert.NotEqual(shipped, site);
            await File.WriteAllTextAsync(Path.Combine(_root, "lapor.conf"), site);
            await File.WriteAllTextAsync(Path.Combine(_root, "fullchain.pem"), _certificate.ExportCertificatePem());
            using (var key = _certificate.GetRSAPrivateKey()!)
            {
                await File.WriteAllTextAsync(Path.Combine(_root, "privkey.pem"), key.ExportRSAPrivateKeyPem());
            }

            // A minimal main configuration around the site, as Debian's nginx.conf would include it.
            var temp = Path.Combine(_root, "nginx-temp");
            Directory.CreateDirectory(temp);
            await File.WriteAllTextAsync(Path.Combine(_root, "nginx.conf"), $$"""
                {{(Environment.UserName == "root" ? "user root;" : "")}}
                worker_processes 1;
                pid {{_root}}/nginx.pid;
                error_log {{_root}}/nginx-main.error.log warn;
                events { worker_connections 256; }
                http {
                    include /etc/nginx/mime.types;
                    client_body_temp_path {{temp}}/body;
                    proxy_temp_path {{temp}}/proxy;
                    fastcgi_temp_path {{temp}}/fastcgi;
                    uwsgi_temp_path {{temp}}/uwsgi;
                    scgi_temp_path {{temp}}/scgi;
                    include {{_root}}/lapor.conf;
                }
                """);

            _nginx = LocalProcesses.Start(new ProcessStartInfo("/usr/sbin/nginx", ["-p", _root, "-c", Path.Combine(_root, "nginx.conf"), "-g", "daemon off;"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            });

            using var probe = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
            for (var i = 0; i < 100; i++)
            {
                if (_nginx.HasExited)
                {
                    throw new InvalidOperationException($"nginx exited: {await _nginx.StandardError.ReadToEndAsync()}");
                }

                try
                {
                    await probe.GetAsync($"https://localhost:{_httpsPort}/health/live");
                    return;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            throw new InvalidOperationException("nginx is not listening.");
        }

        private static X509Certificate2 SelfSignedCertificate()
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        }
    }
}
