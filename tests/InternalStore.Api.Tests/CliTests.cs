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
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/products")).StatusCode);
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
    public async Task Missing_required_options_are_refused_with_help()
    {
        var result = await CliRunner.RunAsync(store.CliEnvironment, "token", "--role", "employee");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--sub", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }
}

public sealed class CliTestsOnSqlite(SqliteStoreFactory store) : CliTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class CliTestsOnPostgres(PostgresStoreFactory store) : CliTests(store), IClassFixture<PostgresStoreFactory>;
