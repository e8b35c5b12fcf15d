using System.Net;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests;

/// <summary>Each caller has its own budget of requests per minute; over it: 429 problem details with Retry-After.</summary>
public sealed class RateLimitTests(SqliteRateLimitedStoreFactory store) : IClassFixture<SqliteRateLimitedStoreFactory>
{
    [Fact]
    public async Task A_caller_over_its_budget_gets_429_while_others_and_health_probes_go_on()
    {
        var employee = store.ClientFor(Identity.Employee);
        for (var i = 0; i < 5; i++)
            await (await employee.GetAsync("/api/products/LAP-13")).AssertJsonAsync(HttpStatusCode.OK);

        var refused = await employee.GetAsync("/api/products/LAP-13");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Contains("per minute", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After says when to come back");
        await (await store.ClientFor(Identity.Finance).GetAsync("/api/products/LAP-13")).AssertJsonAsync(HttpStatusCode.OK);
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await store.CreateClient().GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Shop_sessions_have_a_budget_per_person_not_per_address()
    {
        using var alice = await Console.ConsoleSession.SignInAsync(store, "E1001", "/shop");
        using var bram = await Console.ConsoleSession.SignInAsync(store, "E1002", "/shop");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
            statuses.Add((await alice.Client.GetAsync("/shop/benefits")).StatusCode);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        // Same address, another person: their own budget.
        Assert.Equal(HttpStatusCode.OK, (await bram.Client.GetAsync("/shop/benefits")).StatusCode);
    }
}
