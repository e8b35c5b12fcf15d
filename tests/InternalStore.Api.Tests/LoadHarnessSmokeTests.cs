using InternalStore.Load.Harness;

namespace InternalStore.Api.Tests;

/// <summary>
/// The performance harness at CI size: every scenario for a second on SQLite, against the API built
/// with the tests. No thresholds (tests never assert on time): it proves the harness still runs end
/// to end and every scenario's requests succeed.
/// </summary>
public sealed class LoadHarnessSmokeTests
{
    [Fact]
    public async Task Every_scenario_runs_and_answers_without_errors()
    {
        var options = new HarnessOptions(
            Path.Combine(AppContext.BaseDirectory, "InternalStore.Api.dll"),
            Path.Combine(AppContext.BaseDirectory, "internalstore.dll"),
            Warmup: TimeSpan.FromMilliseconds(200), Duration: TimeSpan.FromSeconds(1), Postgres: false,
            Connections: 4, MixedConnections: 8);

        var reports = await new LoadHarness(options).RunAsync(_ => { });

        var report = Assert.Single(reports);
        Assert.Equal(7, report.Scenarios.Count);
        Assert.All(report.Scenarios, s =>
        {
            Assert.True(s.Load.Requests > 0, $"{s.Scenario}: no request succeeded");
            Assert.Equal(0, s.Load.Errors);
            Assert.True(s.Load.ServerCpuMicroseconds > 0, $"{s.Scenario}: the API process's CPU time was not measured");
        });
        Assert.True(report.PeakRssMb > 0);
        Assert.Contains("| SQLite | POST /api/orders", LoadHarness.Markdown(reports), StringComparison.Ordinal);
    }
}

/// <summary>The console and shop timings at CI size (one round per page), against the store on Kestrel: every page answers 200.</summary>
public sealed class ConsoleTimingsSmokeTests(Console.KestrelStoreFactory store) : IClassFixture<Console.KestrelStoreFactory>
{
    [Fact]
    public async Task Every_console_and_shop_page_is_timed_and_answers_200()
    {
        var timings = await ConsoleTimings.MeasureAsync(store.BaseAddress, rounds: 1, _ => { });

        Assert.True(timings.Count >= 28, ConsoleTimings.Markdown(timings));
        Assert.Contains(timings, t => t.Page.StartsWith("/shop/orders/", StringComparison.Ordinal));
        Assert.All(timings, t => Assert.True(t.Status == 200, $"{t.Page} as {t.As}: {t.Status}"));
        Assert.Contains("/simulate", ConsoleTimings.Markdown(timings), StringComparison.Ordinal);
    }
}
