using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Claims;
using System.Text;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

// Order placement through HTTP against the raw single-row insert rate of the same database, both
// measured in this run. Usage:
//   dotnet run -c Release --project tests/InternalStore.Load -- [--seconds 10] [--clients 16] [--sqlite-only]
var seconds = IntArg("--seconds", 10);
var clients = IntArg("--clients", 16);
var root = RepositoryRoot();
var signingKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

Console.WriteLine($"Building the API (Release)...");
Run("dotnet", $"build \"{Path.Combine(root, "src", "InternalStore.Api")}\" -c Release -v quiet -nologo");
var apiDll = Path.Combine(root, "src", "InternalStore.Api", "bin", "Release", "net10.0", "InternalStore.Api.dll");

var results = new List<string>
{
    "| store | scenario | requests or commits/s | p50 | p99 | errors | orders/s as % of raw inserts/s |",
    "|---|---|---:|---:|---:|---:|---:|",
};

var folder = Directory.CreateTempSubdirectory("internalstore-load").FullName;
var sqliteRaw = await RawInsertsAsync(() => new SqliteConnection($"Data Source={Path.Combine(folder, "raw.db")};Pooling=true"),
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;", "INTEGER PRIMARY KEY AUTOINCREMENT");
var sqliteOrders = await OrdersAsync("sqlite", $"Data Source={Path.Combine(folder, "store.db")}");
Report("SQLite", sqliteRaw, sqliteOrders);

if (!args.Contains("--sqlite-only"))
{
    var server = await PostgresServer.InstanceAsync();
    var rawDb = await server.CreateDatabaseAsync();
    var pgRaw = await RawInsertsAsync(() => new NpgsqlConnection(rawDb), "", "BIGSERIAL PRIMARY KEY");
    var pgOrders = await OrdersAsync("postgres", await server.CreateDatabaseAsync());
    Report("PostgreSQL", pgRaw, pgOrders);
}

Console.WriteLine();
Console.WriteLine($"{clients} concurrent clients, {seconds} s per scenario, loopback, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
foreach (var line in results)
    Console.WriteLine(line);
return 0;

void Report(string store, Measure raw, Measure orders)
{
    results.Add($"| {store} | raw single-row insert, autocommit | {raw.Rate:0} | {raw.P50:0.0} ms | {raw.P99:0.0} ms | {raw.Errors} | |");
    results.Add($"| {store} | POST /api/orders (1 line, department buyer) | {orders.Rate:0} | {orders.P50:0.0} ms | {orders.P99:0.0} ms | {orders.Errors} | {100 * orders.Rate / raw.Rate:0} % |");
}

async Task<Measure> RawInsertsAsync(Func<System.Data.Common.DbConnection> connect, string setup, string key)
{
    await using (var first = connect())
    {
        await first.OpenAsync();
        await Execute(first, setup + $" CREATE TABLE IF NOT EXISTS raw_rows (id {key}, sku VARCHAR(40), quantity INTEGER, at VARCHAR(40));");
    }

    return await MeasureAsync(async _ =>
    {
        var connection = connect(); // stays open for the whole run; the process ends after the report
        await connection.OpenAsync();
        if (setup.Length > 0)
            await Execute(connection, setup);
        return async () =>
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO raw_rows (sku, quantity, at) VALUES ('RAW-1', 1, '{DateTime.UtcNow:O}')";
            await insert.ExecuteNonQueryAsync();
            return true;
        };
    });
}

async Task<Measure> OrdersAsync(string provider, string connectionString)
{
    var port = FreePort();
    using var api = Process.Start(new ProcessStartInfo("dotnet", $"\"{apiDll}\" --urls http://127.0.0.1:{port}")
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        Environment =
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Store"] = connectionString,
            ["Auth__SigningKey"] = signingKey,
            ["Logging__LogLevel__Default"] = "Warning",
        },
    })!;
    api.OutputDataReceived += (_, _) => { };
    api.ErrorDataReceived += (_, _) => { };
    api.BeginOutputReadLine();
    api.BeginErrorReadLine();
    try
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilReadyAsync(http);
        var sku = "LOAD-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("C9001", "catalog", null));
        (await http.PostAsJsonAsync("/api/products", new
        {
            sku, name = "Load item", category = "office", listPrice = 10.00m, unitCost = 4.00m, stockOnHand = 100_000_000,
        })).EnsureSuccessStatusCode();

        return await MeasureAsync(worker =>
        {
            var client = new HttpClient { BaseAddress = http.BaseAddress };
            client.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Bearer", Token($"D-LOAD-{worker}", "department-buyer", "CC-1200"));
            var body = Encoding.UTF8.GetBytes($$"""{"lines":[{"sku":"{{sku}}","quantity":1}]}""");
            return Task.FromResult<Func<Task<bool>>>(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
                {
                    Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
                };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await client.SendAsync(request);
                return response.StatusCode == HttpStatusCode.Created;
            });
        });
    }
    finally
    {
        api.Kill(entireProcessTree: true);
        await api.WaitForExitAsync();
    }
}

/// <summary>Warms up for 2 s, then runs the clients for the measured seconds; latency per request.</summary>
async Task<Measure> MeasureAsync(Func<int, Task<Func<Task<bool>>>> prepare)
{
    var workers = await Task.WhenAll(Enumerable.Range(0, clients).Select(prepare));
    await RunAsync(workers, TimeSpan.FromSeconds(2), []);
    var latencies = new List<double>[clients];
    for (var i = 0; i < clients; i++)
        latencies[i] = [];
    var (done, errors, elapsed) = await RunAsync(workers, TimeSpan.FromSeconds(seconds), latencies);
    var all = latencies.SelectMany(l => l).Order().ToList();
    return new Measure(done / elapsed.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), errors);
}

static async Task<(int Done, int Errors, TimeSpan Elapsed)> RunAsync(Func<Task<bool>>[] workers, TimeSpan duration,
    List<double>[] latencies)
{
    var done = 0;
    var errors = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(workers.Select((work, i) => Task.Run(async () =>
    {
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            bool ok;
            try
            {
                ok = await work();
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Data.Common.DbException)
            {
                ok = false;
            }

            if (latencies.Length > 0)
                latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (ok)
                Interlocked.Increment(ref done);
            else
                Interlocked.Increment(ref errors);
        }
    })));
    return (done, errors, clock.Elapsed);
}

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

string Token(string subject, string role, string? costCenter)
{
    var claims = new List<Claim> { new("sub", subject), new("role", role), new("company", "ABC") };
    if (costCenter is not null)
        claims.Add(new Claim("cost_center", costCenter));
    return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity(claims),
        Issuer = "internalstore",
        Audience = "internalstore",
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)),
            SecurityAlgorithms.HmacSha256),
    });
}

static async Task WaitUntilReadyAsync(HttpClient http)
{
    var deadline = Stopwatch.StartNew();
    while (deadline.Elapsed < TimeSpan.FromSeconds(60))
    {
        try
        {
            if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                return;
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(200);
    }

    throw new TimeoutException("The API did not become ready within 60 s.");
}

static async Task Execute(System.Data.Common.DbConnection connection, string sql)
{
    if (string.IsNullOrWhiteSpace(sql))
        return;
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    await command.ExecuteNonQueryAsync();
}

static void Run(string file, string arguments)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
    process.WaitForExit();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}).");
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string RepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InternalStore.sln")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

int IntArg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

internal sealed record Measure(double Rate, double P50, double P99, int Errors);
