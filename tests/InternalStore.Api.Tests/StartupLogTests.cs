using System.Net;
using System.Text.RegularExpressions;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Load.Harness;
using static InternalStore.Api.Tests.Infrastructure.ProcessApi;

namespace InternalStore.Api.Tests;

/// <summary>
/// The README's start, as a new user makes it: Development, a database that does not exist yet, demo data,
/// the workers' first rounds and a few first requests. Nothing in the log is a warning or worse.
/// </summary>
public abstract partial class StartupLogTests
{
    protected abstract string Provider { get; }

    protected abstract Task<string> DatabaseAsync();

    [Fact]
    public async Task A_first_start_on_a_new_database_logs_no_warning()
    {
        var environment = ProcessApi.Environment(Provider, await DatabaseAsync());
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        environment["Logging__LogLevel__Default"] = "Information";
        environment.Remove("RateLimiting__PermitsPerMinute");

        await using var api = await ApiProcess.StartAsync(Dll, environment);
        using var employee = Client(api.BaseAddress, EmployeeToken("E1001"));
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/api/products")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employee.GetAsync("/api/me/notifications")).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = api.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/")).StatusCode); // redirected to the shop's sign-in

        // The subscription billing worker's first round over the demo data ends the start-up's work.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !api.Output.Any(l => l.Contains("subscription charges", StringComparison.Ordinal)))
            await Task.Delay(50);

        var output = api.Output;
        Assert.Contains(output, l => l.Contains("Demo data seeded", StringComparison.Ordinal));
        Assert.Contains(output, l => l.Contains("subscription charges", StringComparison.Ordinal));
        var warnings = output.Where(l => Severe().IsMatch(l)).ToList();
        Assert.True(warnings.Count == 0, "The start logged:\n" + string.Join('\n', warnings));
    }

    [GeneratedRegex(@"\b(warn|fail|crit): ")]
    private static partial Regex Severe();
}

public sealed class StartupLogTestsOnSqlite : StartupLogTests
{
    protected override string Provider => "sqlite";

    protected override Task<string> DatabaseAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "internalstore-tests");
        Directory.CreateDirectory(folder);
        return Task.FromResult($"Data Source={Path.Combine(folder, "first-start-" + Guid.NewGuid().ToString("N"))}.db");
    }
}

public sealed class StartupLogTestsOnPostgres : StartupLogTests
{
    protected override string Provider => "postgres";

    protected override async Task<string> DatabaseAsync() => await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
}
