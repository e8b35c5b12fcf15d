using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace InternalStore.Load.Harness;

public sealed record HarnessOptions(string ApiDll, string CliDll, TimeSpan Warmup, TimeSpan Duration, bool Postgres,
    int Connections = 16, int MixedConnections = 64, IReadOnlySet<string>? Only = null)
{
    /// <summary>Whether a scenario runs: all do, unless <c>--only</c> names some (the ceilings always run).</summary>
    public bool Runs(string scenario) => Only is null || Only.Contains(scenario);
}

/// <summary>One measured scenario, with the ceiling it is compared to and the target share of it.</summary>
public sealed record ScenarioResult(string Store, string Scenario, int Connections, LoadResult Load, string? Versus = null,
    double? Share = null, double? Target = null)
{
    public bool? Met => Share is { } share && Target is { } target ? share >= target : null;
}

public sealed record StoreReport(string Store, IReadOnlyList<ScenarioResult> Scenarios, double PeakRssMb,
    TimeSpan FirstStart, TimeSpan Restart);

/// <summary>
/// Starts the API on each store, warms it, drives every scenario from this process over loopback
/// and compares each to a ceiling measured in the same run on the same machine.
/// </summary>
public sealed class LoadHarness(HarnessOptions options)
{
    private readonly string _signingKey = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public async Task<IReadOnlyList<StoreReport>> RunAsync(Action<string> log)
    {
        var reports = new List<StoreReport>();
        var folder = Directory.CreateTempSubdirectory("internalstore-load").FullName;
        reports.Add(await RunStoreAsync("SQLite", "sqlite", $"Data Source={Path.Combine(folder, "store.db")}", null, log));
        if (options.Postgres)
        {
            var server = await PostgresServer.InstanceAsync();
            var raw = await server.CreateDatabaseAsync();
            reports.Add(await RunStoreAsync("PostgreSQL", "postgres", await server.CreateDatabaseAsync(), raw, log));
        }

        return reports;
    }

    private Dictionary<string, string> Environment(string provider, string connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = provider,
        ["ConnectionStrings__Store"] = connectionString,
        ["Auth__SigningKey"] = _signingKey,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Benchmarks__Endpoints"] = "true",
        ["RateLimiting__PermitsPerMinute"] = "0", // the generator is one caller sending thousands of requests
        ["Orders__HoldMinutes"] = "1440",
    };

    private async Task<StoreReport> RunStoreAsync(string store, string provider, string connectionString, string? rawDatabase,
        Action<string> log)
    {
        var environment = Environment(provider, connectionString);
        var results = new List<ScenarioResult>();
        double peakRss;
        TimeSpan firstStart;
        await using (var api = await ApiProcess.StartAsync(options.ApiDll, environment))
        {
            firstStart = api.FirstResponse;
            log($"{store}: API answered {firstStart.TotalMilliseconds:0} ms after start (migrations and demo data included)");
            var setup = await SetUpAsync(api.BaseAddress, environment);

            async Task<LoadResult> Measure(string name, Func<int, Send> scenario, int? connections = null)
            {
                var generator = new LoadGenerator(api.BaseAddress, connections ?? options.Connections);
                var result = await generator.RunAsync(scenario, options.Warmup, options.Duration, api.CpuTime);
                log($"{store}: {name}: {result.RequestsPerSecond:0} req/s, p50 {result.P50Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, "
                    + $"API CPU {result.ServerCpuMicroseconds:0} µs/request, {result.Errors} errors");
                return result;
            }

            var ping = await Measure("ceiling", _ => Get("/bench/ping", null));
            results.Add(new ScenarioResult(store, "ceiling: GET /bench/ping (fixed ~200-byte JSON)", options.Connections, ping));
            if (options.Runs("catalog"))
            {
                var catalog = await Measure("catalog", _ => Get("/api/products?pageSize=20", setup.EmployeeToken));
                results.Add(Compared(store, "GET /api/products (page of 20)", catalog, ping, "ceiling", null));
            }

            if (options.Runs("external"))
            {
                var external = await Measure("external quote", _ => Post("/api/quotes", setup.Cart, apiKey: setup.StorefrontKey));
                results.Add(Compared(store, "POST /api/quotes, 10 lines, storefront key (external)", external, ping, "ceiling", 0.70));
            }

            if (options.Runs("employee"))
            {
                var employee = await Measure("employee quote", _ => Post("/api/quotes", setup.Cart, setup.EmployeeToken));
                results.Add(Compared(store, "POST /api/quotes, 10 lines, employee token", employee, ping, "ceiling", 0.50));
            }

            if (options.Runs("orders"))
            {
                LoadResult ceiling;
                string versus;
                double target;
                if (rawDatabase is null)
                {
                    ceiling = await Measure("EF insert", _ => Post("/bench/insert", "{}", null, HttpStatusCode.Created));
                    results.Add(new ScenarioResult(store, "ceiling: POST /bench/insert (one row through EF Core)", options.Connections, ceiling));
                    (versus, target) = ("EF insert", 0.50);
                }
                else
                {
                    ceiling = await RawCommitsAsync(rawDatabase);
                    log($"{store}: raw commits: {ceiling.RequestsPerSecond:0}/s");
                    results.Add(new ScenarioResult(store, "ceiling: raw single-row commits (Npgsql, 16 connections)", 16, ceiling));
                    (versus, target) = ("raw commits", 0.40);
                }

                var orders = await Measure("orders", i => Order(setup, i));
                results.Add(Compared(store, "POST /api/orders (1 line, 8 products, department buyers, unique keys)", orders, ceiling, versus, target));
            }

            if (options.Runs("mixed"))
            {
                var mixed = await Measure("mixed", i => Mixed(setup, i), options.MixedConnections);
                results.Add(Compared(store, "mixed: 45 % catalog, 45 % employee quotes, 10 % orders", mixed, ping, "ceiling", null,
                    options.MixedConnections));
            }
            peakRss = api.PeakRssMegabytes();
        }

        TimeSpan restart;
        await using (var again = await ApiProcess.StartAsync(options.ApiDll, environment))
            restart = again.FirstResponse;
        log($"{store}: peak RSS {peakRss:0} MB; restart answered in {restart.TotalMilliseconds:0} ms");
        return new StoreReport(store, results, peakRss, firstStart, restart);
    }

    private ScenarioResult Compared(string store, string scenario, LoadResult load, LoadResult ceiling, string versus,
        double? target, int? connections = null) =>
        new(store, scenario, connections ?? options.Connections, load, versus,
            load.RequestsPerSecond / ceiling.RequestsPerSecond, target);

    private sealed record Setup(string EmployeeToken, string CatalogToken, string StorefrontKey, string Cart, string[] OrderBodies,
        string[] DepartmentTokens);

    /// <summary>Orders spread over this many products, as a store's orders do (one hot product would measure its row lock alone).</summary>
    private const int OrderSkus = 8;

    private async Task<Setup> SetUpAsync(Uri baseAddress, IReadOnlyDictionary<string, string> environment)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var catalogToken = Token("C9001", "catalog", null);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", catalogToken);
        var loadSkus = new List<string>();
        for (var i = 0; i < OrderSkus; i++)
        {
            var sku = "LOAD-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
            (await http.PostAsJsonAsync("/api/products", new
            {
                sku, name = "Load item", category = "office", listPrice = 10.00m, unitCost = 4.00m, stockOnHand = 100_000_000,
            })).EnsureSuccessStatusCode();
            loadSkus.Add(sku);
        }

        var page = await http.GetFromJsonAsync<JsonElement>("/api/products?pageSize=40");
        var skus = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()!)
            .Where(s => !s.StartsWith("LOAD-", StringComparison.Ordinal)).Take(10).ToList();
        var cart = JsonSerializer.Serialize(new { lines = skus.Select(s => new { sku = s, quantity = 1 }) });
        var key = await CreateApiKeyAsync(environment);
        return new Setup(Token("E1001", "employee", null), catalogToken, key, cart,
            loadSkus.Select(sku => $$"""{"lines":[{"sku":"{{sku}}","quantity":1}]}""").ToArray(),
            Enumerable.Range(0, options.MixedConnections).Select(i => Token($"D-LOAD-{i}", "department-buyer", "CC-1200")).ToArray());
    }

    private async Task<string> CreateApiKeyAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(options.CliDll);
        start.ArgumentList.Add("apikey");
        start.ArgumentList.Add("create");
        start.ArgumentList.Add("load harness");
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var cli = Process.Start(start)!;
        var output = await cli.StandardOutput.ReadToEndAsync();
        var errors = await cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        if (cli.ExitCode != 0)
            throw new InvalidOperationException($"apikey create failed: {errors}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    private static Send Get(string url, string? token) => async (client, ct) =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return response.StatusCode == HttpStatusCode.OK;
    };

    private static Send Post(string url, string body, string? token = null, HttpStatusCode expected = HttpStatusCode.OK,
        string? apiKey = null, bool idempotent = false)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return async (client, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            };
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (apiKey is not null)
                request.Headers.Add("X-Api-Key", apiKey);
            if (idempotent)
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            return response.StatusCode == expected;
        };
    }

    private static Send Order(Setup setup, int connection) =>
        Post("/api/orders", setup.OrderBodies[connection % setup.OrderBodies.Length],
            setup.DepartmentTokens[connection % setup.DepartmentTokens.Length],
            HttpStatusCode.Created, idempotent: true);

    private static Send Mixed(Setup setup, int connection)
    {
        var catalog = Get("/api/products?pageSize=20", setup.EmployeeToken);
        var quote = Post("/api/quotes", setup.Cart, setup.EmployeeToken);
        var order = Order(setup, connection);
        var counter = connection;
        return (client, ct) => (Interlocked.Increment(ref counter) % 20) switch
        {
            < 9 => catalog(client, ct),
            < 18 => quote(client, ct),
            _ => order(client, ct),
        };
    }

    private async Task<LoadResult> RawCommitsAsync(string connectionString)
    {
        await using (var setup = new NpgsqlConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var create = new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS raw_rows (id BIGSERIAL PRIMARY KEY, sku VARCHAR(40), quantity INTEGER, at TIMESTAMPTZ)", setup);
            await create.ExecuteNonQueryAsync();
        }

        await using var source = NpgsqlDataSource.Create(connectionString);
        long done = 0;
        var latencies = new List<double>[16];
        async Task Worker(int i, TimeSpan duration, bool record)
        {
            latencies[i] = [];
            await using var connection = await source.OpenConnectionAsync();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                await using var insert = new NpgsqlCommand("INSERT INTO raw_rows (sku, quantity, at) VALUES ('RAW-1', 1, now())", connection);
                await insert.ExecuteNonQueryAsync();
                if (record)
                {
                    Interlocked.Increment(ref done);
                    latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Worker(i, options.Warmup, false)));
        var run = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Worker(i, options.Duration, true)));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new LoadResult(done / run.Elapsed.TotalSeconds, all[all.Count / 2], all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))],
            done, 0, double.NaN);
    }

    private string Token(string subject, string role, string? costCenter)
    {
        var claims = new List<Claim> { new("sub", subject), new("role", role), new("company", "ABC") };
        if (costCenter is not null)
            claims.Add(new Claim("cost_center", costCenter));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = "internalstore",
            Audience = "internalstore",
            Expires = DateTime.UtcNow.AddHours(2),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(_signingKey)),
                SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The results as the Markdown table of docs/benchmarks.md.</summary>
    public static string Markdown(IReadOnlyList<StoreReport> reports)
    {
        var text = new StringBuilder();
        text.AppendLine("| store | scenario | conns | req/s | p50 | p99 | API CPU per request | errors | share of | share | target |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|");
        foreach (var report in reports)
        {
            foreach (var s in report.Scenarios)
            {
                var share = s.Share is { } x ? $"{x * 100:0} %" : "";
                var target = s.Target is { } t ? $">= {t * 100:0} % {(s.Met == true ? "met" : "NOT met")}" : "";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {s.Store} | {s.Scenario} | {s.Connections} | {s.Load.RequestsPerSecond:0} | {s.Load.P50Ms:0.0} ms | {s.Load.P99Ms:0.0} ms | {Cpu(s.Load)} | {s.Load.Errors} | {s.Versus} | {share} | {target} |");
            }
        }

        text.AppendLine();
        text.AppendLine("| store | peak RSS of the API | first answer after start (new database: migrations + demo data) | first answer after a restart |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var r in reports)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Store} | {r.PeakRssMb:0} MB {(r.PeakRssMb < 200 ? "(target < 200 met)" : "(target < 200 NOT met)")} | {r.FirstStart.TotalMilliseconds:0} ms | {r.Restart.TotalMilliseconds:0} ms {(r.Restart.TotalSeconds < 1.5 ? "(target < 1.5 s met)" : "(target < 1.5 s NOT met)")} |");
        return text.ToString();
    }

    private static string Cpu(LoadResult load) =>
        double.IsNaN(load.ServerCpuMicroseconds) ? "" : string.Create(CultureInfo.InvariantCulture, $"{load.ServerCpuMicroseconds:0} µs");
}
