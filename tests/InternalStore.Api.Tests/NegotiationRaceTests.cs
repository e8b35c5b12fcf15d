using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Load.Harness;
using static InternalStore.Api.Tests.Infrastructure.ProcessApi;

namespace InternalStore.Api.Tests;

/// <summary>
/// Two API processes on one PostgreSQL database: a department's accepts, sent through both hosts
/// at the very moment its offer runs out (and, in some rounds, while finance sends a new version),
/// end in exactly one outcome: one order at the offered price, or none.
/// </summary>
public sealed class NegotiationRaceTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Rounds = 6;
    private const int Stock = 100;

    [Fact]
    public async Task Accepts_racing_expiry_and_a_new_version_on_two_hosts_end_in_one_outcome()
    {
        var environment = Environment("postgres", await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync());
        await using var first = await ApiProcess.StartAsync(Dll, environment);
        await using var second = await ApiProcess.StartAsync(Dll, environment);
        using var finance = Client(first.BaseAddress, Token("F9001", "finance", "ABC"));
        using var buyerA = Client(first.BaseAddress, Token("D1200", "department-buyer", "ABC", "CC-1200"));
        using var buyerB = Client(second.BaseAddress, Token("D1200", "department-buyer", "ABC", "CC-1200"));
        var sku = "RACE-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using (var catalog = Client(first.BaseAddress, Token("C9001", "catalog", "ABC")))
            (await catalog.PostAsJsonAsync("/api/products", new
            {
                sku, name = "Raced item", category = "office", listPrice = 40.00m, unitCost = 20.00m, stockOnHand = Stock,
            })).EnsureSuccessStatusCode();

        var accepted = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using var asked = await PostAsync(buyerA, "/api/quote-requests", new { lines = new[] { new { sku, quantity = 2 } } });
            var id = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var validUntil = DateTimeOffset.UtcNow.AddSeconds(1.5);
            (await finance.PostAsJsonAsync($"/api/quote-requests/{id}/offers",
                new { lines = new[] { new { sku, unitPrice = 21.00m } }, validUntil })).EnsureSuccessStatusCode();

            // The accepts leave from just before to just after the offer runs out (later each round), so some land before it and some after.
            var answers = new ConcurrentBag<(HttpStatusCode Status, string Body)>();
            var racers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                await Task.Delay(validUntil.AddMilliseconds(-60 + 8 * i + 12 * round) - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
                using var answer = await PostAsync(i % 2 == 0 ? buyerA : buyerB, $"/api/quote-requests/{id}/offers/1/accept", new { });
                answers.Add((answer.StatusCode, await answer.Content.ReadAsStringAsync()));
            })).ToList();
            if (round % 2 == 1)
                racers.Add(Task.Run(async () =>
                {
                    await Task.Delay(validUntil.AddMilliseconds(-20) - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
                    using var v2 = await finance.PostAsJsonAsync($"/api/quote-requests/{id}/offers",
                        new { lines = new[] { new { sku, unitPrice = 20.90m } }, validUntil = DateTimeOffset.UtcNow.AddDays(1) });
                    Assert.True(v2.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"v2: {(int)v2.StatusCode}");
                }));
            await Task.WhenAll(racers);

            var request = await buyerB.GetFromJsonAsync<JsonElement>($"/api/quote-requests/{id}");
            output.WriteLine($"round {round}: {request.GetProperty("status").GetString()}; answers "
                + string.Join(", ", answers.GroupBy(a => (int)a.Status).Select(g => $"{g.Key} x{g.Count()}")));
            var orders = answers.Where(a => a.Status == HttpStatusCode.Created)
                .Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("order").GetProperty("id").GetGuid()).ToList();
            Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a =>
            {
                Assert.Equal(HttpStatusCode.Conflict, a.Status);
                Assert.Matches("\"code\":\"(offer-expired|invalid-state)\"", a.Body);
            });
            if (request.GetProperty("status").GetString() == "accepted")
            {
                Assert.Single(orders);
                Assert.Equal(orders[0], request.GetProperty("orderId").GetGuid());
                accepted++;
            }
            else
            {
                Assert.Empty(orders);
                Assert.Matches("^(expired|offered)$", request.GetProperty("status").GetString());
                Assert.Equal(JsonValueKind.Null, request.GetProperty("orderId").ValueKind);
            }
        }

        using var stock = Client(second.BaseAddress, Token("C9001", "catalog", "ABC"));
        var product = await stock.GetFromJsonAsync<JsonElement>($"/api/products/{sku}");
        Assert.Equal(Stock - 2 * accepted, product.GetProperty("stockOnHand").GetInt32());
    }
}
