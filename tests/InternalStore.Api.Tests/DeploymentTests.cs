using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Load.Harness;

namespace InternalStore.Api.Tests;

/// <summary>
/// docs/deploy.md as an operator follows it: the API published, migrated and seeded by the CLI, run twice with the
/// systemd unit's command line and environment file as an unprivileged user, behind Debian's nginx with the shipped site
/// configuration and a self-signed certificate, all on loopback. Checked through nginx: HTTPS answers, the app sees the
/// forwarded scheme (absolute redirects, secure cookie) and each client's own address (its own rate limit), a cookie made
/// by one instance is read by the other, and one instance down leaves the store up.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // systemd, nginx and setpriv: the deployment is Linux
public sealed class DeploymentTests
{
    private static readonly string[] NginxPaths = ["/usr/sbin/nginx", "/usr/bin/nginx"];

    [Fact]
    public async Task Behind_nginx_two_published_instances_answer_https_with_the_client_s_scheme_address_and_a_secure_cookie()
    {
        var nginx = NginxPaths.FirstOrDefault(File.Exists)
                    ?? throw new InvalidOperationException("nginx is not installed: apt-get install nginx (.ci/run does).");
        var root = Repository.Root();
        var work = Directory.CreateTempSubdirectory("internalstore-deploy-");
        var processes = new List<Process>();
        try
        {
            File.SetUnixFileMode(work.FullName, (UnixFileMode)0b111_101_101);
            var app = Path.Combine(work.FullName, "app");
            await Repository.RunAsync(Repository.Dotnet, root, "publish", Path.Combine(root, "src", "InternalStore.Api", "InternalStore.Api.csproj"),
                "--no-build", "-c", Repository.Configuration, "-o", app, "-nologo");

            var environment = EnvironmentFile(Path.Combine(root, "deploy", "internalstore.env.example"));
            var unit = File.ReadAllLines(Path.Combine(root, "deploy", "internalstore@.service"));
            foreach (var line in unit.Where(l => l.StartsWith("Environment=", StringComparison.Ordinal)))
            {
                var (key, value) = Split(line["Environment=".Length..]);
                environment[key] = value;
            }

            environment["ConnectionStrings__Store"] = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
            environment["Auth__SigningKey"] = StoreFactory.SigningKey;
            environment.Remove("Stripe__SecretKey");
            environment.Remove("Stripe__WebhookSecret");
            environment["RateLimiting__PermitsPerMinute"] = "2";
            environment["Console__DemoSignIn"] = "true"; // the test signs in as a demo person; a real store signs in with OIDC
            var home = Directory.CreateDirectory(Path.Combine(work.FullName, "home")).FullName;
            File.SetUnixFileMode(home, (UnixFileMode)0b111_111_111);
            environment["HOME"] = home;

            // As docs/deploy.md: migrations before the instances start (and demo data, for this test's sign-in).
            Assert.Equal(0, (await CliRunner.RunAsync(environment, "migrate")).ExitCode);
            Assert.Equal(0, (await CliRunner.RunAsync(environment, "seed-demo")).ExitCode);

            var exec = unit.Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal))["ExecStart=".Length..];
            var ports = new[] { FreePort(), FreePort() };
            foreach (var port in ports)
                processes.Add(StartInstance(exec.Replace("/usr/bin/dotnet", Repository.Dotnet, StringComparison.Ordinal)
                    .Replace("/opt/internalstore", app, StringComparison.Ordinal)
                    .Replace("%i", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), app, environment));
            foreach (var port in ports)
                await WaitUntilReadyAsync(new Uri($"http://127.0.0.1:{port}/health/ready"), processes);

            var (https, http) = (FreePort(), FreePort());
            var certificate = WriteCertificate(work.FullName);
            processes.Add(StartNginx(nginx, work.FullName, Site(root, ports, https, http, certificate)));
            var store = new Uri($"https://127.0.0.1:{https}");
            await WaitUntilReadyAsync(new Uri(store, "/health/ready"), processes, certificate.Certificate);

            // HTTPS answers, and plain HTTP is sent there.
            using var anyone = Client(store, "127.0.0.1", certificate.Certificate);
            Assert.Equal("Healthy", await anyone.GetStringAsync("/health/ready"));
            using var plain = Client(new Uri($"http://127.0.0.1:{http}"), "127.0.0.1", null);
            var upgrade = await plain.GetAsync("/shop");
            Assert.Equal(HttpStatusCode.MovedPermanently, upgrade.StatusCode);
            Assert.StartsWith("https://", upgrade.Headers.Location!.ToString(), StringComparison.Ordinal);

            // The forwarded scheme: an absolute redirect back to HTTPS on the proxy's address, a secure cookie.
            using var staff = Client(store, "127.0.0.4", certificate.Certificate);
            var console = await staff.GetAsync("/console");
            Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
            Assert.StartsWith($"https://127.0.0.1:{https}/console/sign-in", console.Headers.Location!.ToString(), StringComparison.Ordinal);
            var signInPage = await staff.GetAsync("/console/sign-in");
            var antiforgery = Cookies(signInPage);
            var token = ConsoleTimings.AntiforgeryTokenOf(await signInPage.Content.ReadAsStringAsync());
            using var signIn = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in?handler=Demo")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["subject"] = "C9001", ["__RequestVerificationToken"] = token }),
            };
            signIn.Headers.Add("Cookie", antiforgery);
            var signedIn = await staff.SendAsync(signIn);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var session = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("internalstore-console=", StringComparison.Ordinal));
            Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
            // Round robin: the two requests reach both instances, and each reads the other's cookie (one key ring).
            for (var i = 0; i < 2; i++)
            {
                using var page = new HttpRequestMessage(HttpMethod.Get, "/console/catalog/products");
                page.Headers.Add("Cookie", session.Split(';')[0]);
                Assert.Equal(HttpStatusCode.OK, (await staff.SendAsync(page)).StatusCode);
            }

            // The forwarded client address: one client over its limit is refused, another client is not.
            using var busy = Client(store, "127.0.0.2", certificate.Certificate);
            var answers = new List<HttpStatusCode>();
            for (var i = 0; i < 8; i++)
                answers.Add((await busy.GetAsync("/shop")).StatusCode);
            Assert.Contains(HttpStatusCode.TooManyRequests, answers);
            using var other = Client(store, "127.0.0.3", certificate.Certificate);
            for (var i = 0; i < 2; i++)
                Assert.NotEqual(HttpStatusCode.TooManyRequests, (await other.GetAsync("/shop")).StatusCode);

            // One instance down: the other answers every request.
            processes[0].Kill(entireProcessTree: true);
            await processes[0].WaitForExitAsync();
            for (var i = 0; i < 4; i++)
                Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            foreach (var process in processes.Where(p => !p.HasExited))
                process.Kill(entireProcessTree: true);
            foreach (var process in processes)
            {
                await process.WaitForExitAsync();
                process.Dispose();
            }

            work.Delete(recursive: true);
        }
    }

    /// <summary>The unit's command line, as the unit's user would run it: an unprivileged one when the test runs as root.</summary>
    private static Process StartInstance(string commandLine, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "setpriv" : words[0])
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory,
        };
        if (asRoot)
        {
            foreach (var word in (string[])["--reuid=65534", "--regid=65534", "--clear-groups", "--", words[0]])
                start.ArgumentList.Add(word);
        }

        foreach (var word in words.Skip(1))
            start.ArgumentList.Add(word);
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        return Started(start);
    }

    private static Process StartNginx(string nginx, string folder, string site)
    {
        var prefix = Directory.CreateDirectory(Path.Combine(folder, "nginx")).FullName;
        File.WriteAllText(Path.Combine(prefix, "site.conf"), site);
        File.WriteAllText(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{prefix}}/access.log;
                client_body_temp_path {{prefix}}/body;
                proxy_temp_path {{prefix}}/proxy;
                fastcgi_temp_path {{prefix}}/fastcgi;
                uwsgi_temp_path {{prefix}}/uwsgi;
                scgi_temp_path {{prefix}}/scgi;
                include {{prefix}}/site.conf;
            }
            """);
        var start = new ProcessStartInfo(nginx) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var word in (string[])["-p", prefix, "-e", Path.Combine(prefix, "error.log"), "-c", Path.Combine(prefix, "nginx.conf")])
            start.ArgumentList.Add(word);
        return Started(start);
    }

    /// <summary>deploy/nginx/internalstore.conf with this test's ports and certificate in place of the production ones.</summary>
    private static string Site(string root, int[] instances, int https, int http, (X509Certificate2 Certificate, string Pem, string Key) certificate) =>
        File.ReadAllText(Path.Combine(root, "deploy", "nginx", "internalstore.conf"))
            .Replace("server 127.0.0.1:5080", $"server 127.0.0.1:{instances[0]}", StringComparison.Ordinal)
            .Replace("server 127.0.0.1:5081", $"server 127.0.0.1:{instances[1]}", StringComparison.Ordinal)
            .Replace("listen 443 ssl", $"listen 127.0.0.1:{https} ssl", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{http};", StringComparison.Ordinal)
            .Replace("/etc/ssl/certs/store.example.com.pem", certificate.Pem, StringComparison.Ordinal)
            .Replace("/etc/ssl/private/store.example.com.key", certificate.Key, StringComparison.Ordinal);

    private static (X509Certificate2 Certificate, string Pem, string Key) WriteCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var (pem, keyFile) = (Path.Combine(folder, "store.pem"), Path.Combine(folder, "store.key"));
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certificate, pem, keyFile);
    }

    /// <summary>A client that connects from <paramref name="source"/> (any 127.x address is this machine) and trusts only our certificate.</summary>
    private static HttpClient Client(Uri baseAddress, string source, X509Certificate2? trusted)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(source), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    trusted is not null && certificate is not null && certificate.GetCertHashString() == trusted.GetCertHashString(),
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    private static async Task WaitUntilReadyAsync(Uri health, List<Process> processes, X509Certificate2? trusted = null)
    {
        using var client = Client(new Uri(health.GetLeftPart(UriPartial.Authority)), "127.0.0.1", trusted);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                if ((await client.GetAsync(health.PathAndQuery)).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }

            var exited = processes.FirstOrDefault(p => p.HasExited);
            if (exited is not null || DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"{health} did not answer: "
                    + (exited is null ? "timed out" : $"{exited.StartInfo.FileName} exited with {exited.ExitCode}:\n{string.Join('\n', Output[exited.Id].TakeLast(30))}"));
            await Task.Delay(50);
        }
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';')[0]) : []);

    private static Dictionary<string, string> EnvironmentFile(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(Split)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static (string Key, string Value) Split(string line)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        return (line[..equals], line[(equals + 1)..]);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, System.Collections.Concurrent.ConcurrentQueue<string>> Output = new();

    private static Process Started(ProcessStartInfo start)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + start.FileName);
        // Drained in the background; read back only if the process exits early.
        var lines = Output.GetOrAdd(process.Id, _ => new());
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lines.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lines.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
