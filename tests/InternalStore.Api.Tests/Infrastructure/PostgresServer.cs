using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster for the whole test run: initdb + pg_ctl in a temp folder, on a free
/// loopback port, stopped when the test process exits. The server refuses to run as root, so as
/// root it runs as the <c>postgres</c> user. Binaries come from PG_BIN or Debian's
/// /usr/lib/postgresql/VERSION/bin.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly string _binDir;
    private readonly string _root;

    private PostgresServer(string binDir, string root, int port)
    {
        _binDir = binDir;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public static Task<PostgresServer> InstanceAsync() => Shared.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=50";

    public async Task<string> CreateDatabaseAsync()
    {
        var name = "store_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binDir = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found (looked at PG_BIN and /usr/lib/postgresql/*/bin). "
            + "Install them with 'apt-get install postgresql' (.ci/run does this); the PostgreSQL half of the suite needs them.");

        var root = Path.Combine(Path.GetTempPath(), "internalstore-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var port = FreePort();
        var server = new PostgresServer(binDir, root, port);
        if (IsRoot)
            await RunAsync("chown", $"-R postgres {root}", asPostgres: false);

        var data = Path.Combine(root, "data");
        await server.RunPgAsync("initdb", $"-D {data} -U postgres --auth=trust -E UTF8 --no-locale --no-sync");
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={root} "
            + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        await server.RunPgAsync("pg_ctl", $"-D {data} -l {root}/server.log -w -t 60 -o \"{options}\" start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            RunPgAsync("pg_ctl", $"-D {Path.Combine(_root, "data")} -m immediate -w stop").GetAwaiter().GetResult();
            Directory.Delete(_root, recursive: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is exiting; a leftover temp folder is not worth failing for.
        }
    }

    private Task RunPgAsync(string tool, string arguments) =>
        RunAsync(Path.Combine(_binDir, tool), arguments, asPostgres: IsRoot);

    private static async Task RunAsync(string file, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{file} {arguments} failed with exit code {process.ExitCode}: {await stderr} {await stdout}");
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("PG_BIN");
        if (!string.IsNullOrEmpty(configured) && File.Exists(Path.Combine(configured, "initdb")))
            return configured;
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
            return null;
        return Directory.GetDirectories(debianRoot)
            .Select(dir => Path.Combine(dir, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
