using System.Net;
using System.Net.Http.Headers;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests;

/// <summary>The admin CLI against the same database as the API, run as a separate process.</summary>
public abstract class CliTests(StoreFactory store)
{
    [Fact]
    public async Task Token_prints_the_token_alone_and_the_api_accepts_it()
    {
        var result = await CliRunner.RunAsync(store.CliEnvironment,
            "token", "--sub", "C9001", "--role", "catalog", "--company", "ABC");

        Assert.Equal(0, result.ExitCode);
        var token = Assert.Single(result.Lines);
        Assert.Equal(3, token.Split('.').Length);
        var client = store.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var product = await (await client.GetAsync("/api/products/LAP-13")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(product.TryGetProperty("unitCost", out _), "a catalog token sees the cost");
    }

    [Fact]
    public async Task Apikey_create_prints_a_working_key_last_and_revoke_stops_it()
    {
        var created = await CliRunner.RunAsync(store.CliEnvironment, "apikey", "create", "cli storefront");
        Assert.Equal(0, created.ExitCode);
        var secret = created.Lines[^1];
        var client = store.ClientWithApiKey(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/products")).StatusCode);

        var listed = await CliRunner.RunAsync(store.CliEnvironment, "apikey", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("cli storefront", listed.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.StdOut, StringComparison.Ordinal);

        var revoked = await CliRunner.RunAsync(store.CliEnvironment, "apikey", "revoke", secret[..12]);
        Assert.Equal(0, revoked.ExitCode);
        // The CLI is another process: the API drops its cached copy of the key within Pricing:CacheSeconds.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        while ((status = (await client.GetAsync("/api/products")).StatusCode) != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Migrate_and_seed_demo_are_repeatable()
    {
        var migrate = await CliRunner.RunAsync(store.CliEnvironment, "migrate");
        var seed = await CliRunner.RunAsync(store.CliEnvironment, "seed-demo");

        Assert.True(migrate.ExitCode == 0, migrate.StdErr);
        Assert.True(seed.ExitCode == 0, seed.StdErr);
        Assert.Contains("nothing seeded", seed.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_is_exit_code_1_with_one_line_on_stderr()
    {
        var result = await CliRunner.RunAsync(store.CliEnvironment, "apikey", "revoke", "no-such-key");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.Contains("not found", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_export_then_import_creates_and_publishes_a_new_version()
    {
        var export = await CliRunner.RunAsync(store.CliEnvironment, "policy", "export");
        Assert.True(export.ExitCode == 0, export.StdErr);
        var exported = System.Text.Json.Nodes.JsonNode.Parse(export.StdOut)!;
        Assert.Equal("JKL", exported["company"]!.GetValue<string>());
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, export.StdOut);
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(400).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var import = await CliRunner.RunAsync(store.CliEnvironment, "policy", "import", "--file", file, "--company", "XYZ",
            "--name", "XYZ from file", "--publish", day);

        Assert.True(import.ExitCode == 0, import.StdErr);
        var versions = await (await store.ClientFor(new Identity("H0001", ["hr"], "JKL")).GetAsync("/api/policies?company=XYZ"))
            .AssertJsonAsync(HttpStatusCode.OK);
        var imported = Assert.Single(versions.EnumerateArray(), v => v.GetProperty("name").GetString() == "XYZ from file");
        Assert.Equal("published", imported.GetProperty("status").GetString());
        Assert.Equal(day, imported.GetProperty("effectiveFrom").GetString());
    }

    [Fact]
    public async Task Policy_import_refuses_a_broken_document_and_writes_nothing()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"tiers":[{"id":"x","percent":"120"}]}""");

        var import = await CliRunner.RunAsync(store.CliEnvironment, "policy", "import", "--file", file, "--company", "XYZ",
            "--name", "broken import");

        Assert.Equal(1, import.ExitCode);
        Assert.Contains("document.tiers[0].percent", import.StdErr, StringComparison.Ordinal);
        var versions = await (await store.ClientFor(new Identity("H0001", ["hr"], "JKL")).GetAsync("/api/policies?company=XYZ"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(versions.EnumerateArray(), v => v.GetProperty("name").GetString() == "broken import");
    }

    [Fact]
    public async Task The_sample_roster_imports_cleanly_and_twice_is_once()
    {
        var roster = Path.Combine(RepositoryPaths.Root, "samples", "roster.csv");

        var first = await CliRunner.RunAsync(store.CliEnvironment, "import-employees", roster);
        var second = await CliRunner.RunAsync(store.CliEnvironment, "import-employees", roster);

        Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
        Assert.Contains("0 invalid; applied", first.StdOut, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.Contains("8 rows: 0 created, 0 updated, 8 unchanged", second.StdOut, StringComparison.Ordinal);
    }


    [Fact]
    public async Task Import_with_company_manages_only_that_company_and_a_50_MB_line_is_a_clear_error()
    {
        var roster = Path.Combine(RepositoryPaths.Root, "samples", "roster.csv");
        var xyzOnly = await CliRunner.RunAsync(store.CliEnvironment, "import-employees", roster, "--company", "XYZ", "--dry-run");

        Assert.Equal(1, xyzOnly.ExitCode);
        Assert.Contains("[company]: Company 'ABC' is unknown or not yours to manage.", xyzOnly.StdOut, StringComparison.Ordinal);

        var big = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.csv");
        await using (var writer = new StreamWriter(big))
        {
            await writer.WriteLineAsync("id,name,email,company,costCenter,grade,hireDate,status,terminationDate");
            await writer.WriteAsync("E9999,");
            await writer.WriteAsync(new string('x', 50 * 1024 * 1024));
            await writer.WriteLineAsync(",big@abc.example,ABC,CC-1000,3,2020-01-01,active,");
        }

        var huge = await CliRunner.RunAsync(store.CliEnvironment, "import-employees", big);
        File.Delete(big);

        Assert.Equal(1, huge.ExitCode);
        Assert.Contains("longer than 10 000 characters", huge.StdOut, StringComparison.Ordinal);
        Assert.Single(huge.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Missing_required_options_are_refused_with_help()
    {
        var result = await CliRunner.RunAsync(store.CliEnvironment, "token", "--role", "employee");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--sub", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }
}

public sealed class CliTestsOnSqlite(SqliteStoreFactory store) : CliTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class CliTestsOnPostgres(PostgresStoreFactory store) : CliTests(store), IClassFixture<PostgresStoreFactory>;
