using InternalStore.Load.Harness;
using InternalStore.Api.Tests.Infrastructure;
using static InternalStore.Api.Tests.Infrastructure.ProcessApi;

namespace InternalStore.Api.Tests;

/// <summary>
/// Migrations run beside the rest of start-up (requests wait for them). A store whose database cannot
/// be migrated must not come up looking healthy: the process stops with a non-zero exit code before
/// it answers anything.
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_database_that_cannot_be_reached_stops_the_api_with_exit_code_1()
    {
        // Nothing listens on port 1 of the loopback: the first connection is refused at once.
        var environment = ProcessApi.Environment("postgres", "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ApiProcess.StartAsync(Dll, environment));

        Assert.Contains("exited with code 1 before answering", failure.Message);
    }
}
