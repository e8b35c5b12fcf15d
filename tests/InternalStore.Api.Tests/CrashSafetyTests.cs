using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Load.Harness;
using static InternalStore.Api.Tests.Infrastructure.ProcessApi;

namespace InternalStore.Api.Tests;

/// <summary>
/// The API as its own process, killed (SIGKILL) while buyers place orders, then restarted on the
/// same database: every order that was acknowledged with 201 is there with its line, no order lacks
/// lines, and stock and allowance still balance with the orders that hold them.
/// </summary>
public abstract class CrashSafetyTests
{
    protected abstract string Provider { get; }

    protected abstract Task<string> DatabaseAsync();

    [Fact]
    public async Task Acknowledged_orders_survive_a_kill_and_stock_and_allowance_still_balance()
    {
        var environment = ProcessApi.Environment(Provider, await DatabaseAsync());
        const int startingStock = 100_000;
        var sku = "CRASH-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var acknowledged = new ConcurrentBag<(Guid Id, int Quantity)>();
        string[] employees = ["E1001", "E1002", "E2001"];

        var api = await ApiProcess.StartAsync(Dll, environment);
        Uri baseAddress = api.BaseAddress;
        try
        {
            using var catalog = Client(baseAddress, Token("C9001", "catalog", "ABC"));
            (await catalog.PostAsJsonAsync("/api/products", new
            {
                sku, name = "Crash test item", category = "office", listPrice = 10.00m, unitCost = 4.00m, stockOnHand = startingStock,
            })).EnsureSuccessStatusCode();

            using var stop = new CancellationTokenSource();
            var buyers = employees.Select(e => EmployeeToken(e))
                .Concat(Enumerable.Range(0, 3).Select(i => Token($"D-CRASH-{i}", "department-buyer", "ABC", "CC-1200")))
                .Select((token, i) => Task.Run(async () =>
                {
                    using var client = Client(baseAddress, token);
                    for (var n = 0; !stop.IsCancellationRequested; n++)
                    {
                        var quantity = 1 + (n + i) % 2;
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
                        {
                            Content = JsonContent.Create(new { lines = new[] { new { sku, quantity } } }),
                        };
                        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                        try
                        {
                            using var response = await client.SendAsync(request);
                            if (response.StatusCode == HttpStatusCode.Created)
                                acknowledged.Add(((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), quantity));
                        }
                        catch (HttpRequestException)
                        {
                            return; // the server is gone
                        }
                    }
                })).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (acknowledged.Count < 40 && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            await api.DisposeAsync(); // SIGKILL, with requests in flight
            await stop.CancelAsync();
            await Task.WhenAll(buyers);
        }
        finally
        {
            await api.DisposeAsync();
        }

        Assert.True(acknowledged.Count >= 40, $"only {acknowledged.Count} orders were placed before the deadline");
        await using var restarted = await ApiProcess.StartAsync(Dll, environment);
        using var finance = Client(restarted.BaseAddress, Token("F0001", "finance", "JKL"));
        foreach (var (id, quantity) in acknowledged)
        {
            var order = await finance.GetFromJsonAsync<JsonElement>($"/api/orders/{id}");
            Assert.Equal(quantity, order.GetProperty("lines").EnumerateArray().Single().GetProperty("quantity").GetInt32());
        }

        var orders = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var result = await finance.GetFromJsonAsync<JsonElement>($"/api/orders?pageSize=100&page={page}");
            orders.AddRange(result.GetProperty("items").EnumerateArray());
            if (orders.Count >= result.GetProperty("totalCount").GetInt32())
                break;
        }

        Assert.All(orders, o => Assert.NotEmpty(o.GetProperty("lines").EnumerateArray()));
        var holding = orders.Where(o => o.GetProperty("status").GetString() is "awaitingPayment" or "paid" or "fulfilled").ToList();
        var held = holding.SelectMany(o => o.GetProperty("lines").EnumerateArray())
            .Where(l => l.GetProperty("sku").GetString() == sku).Sum(l => l.GetProperty("quantity").GetInt32());
        var stock = (await finance.GetFromJsonAsync<JsonElement>($"/api/products/{sku}")).GetProperty("stockOnHand").GetInt32();
        Assert.Equal(startingStock, stock + held);
        Assert.True(orders.Count >= acknowledged.Count);

        foreach (var employee in employees)
        {
            using var client = Client(restarted.BaseAddress, EmployeeToken(employee));
            var allowance = await client.GetFromJsonAsync<JsonElement>("/api/me/allowance");
            var reserved = holding.Where(o => o.GetProperty("buyerId").GetString() == employee && o.GetProperty("status").GetString() == "awaitingPayment")
                .Sum(o => o.GetProperty("allowanceReserved").GetDecimal());
            Assert.Equal(reserved, allowance.GetProperty("reserved").GetDecimal());
        }
    }

    [Fact]
    public async Task Card_payments_and_refunds_in_flight_finish_exactly_once_after_a_kill()
    {
        await using var stripe = await FakeStripe.StartAsync();
        var environment = ProcessApi.Environment(Provider, await DatabaseAsync(), stripe);
        var sku = "CARD-CRASH-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var orders = new ConcurrentBag<Guid>();
        var refundsAcknowledged = new ConcurrentBag<Guid>();
        string[] employees = ["E1001", "E1002", "E2001"];

        var api = await ApiProcess.StartAsync(Dll, environment);
        try
        {
            using (var catalog = Client(api.BaseAddress, Token("C9001", "catalog", "ABC")))
            {
                (await catalog.PostAsJsonAsync("/api/products", new
                {
                    sku, name = "Card crash item", category = "office", listPrice = 12.00m, unitCost = 5.00m, stockOnHand = 100_000,
                })).EnsureSuccessStatusCode();
            }

            using var stop = new CancellationTokenSource();
            var buyers = employees.Select((employee, i) => Task.Run(async () =>
            {
                using var client = Client(api.BaseAddress, EmployeeToken(employee));
                try
                {
                    for (var n = 0; !stop.IsCancellationRequested; n++)
                    {
                        using var placed = await PostAsync(client, "/api/orders", new { lines = new[] { new { sku, quantity = 1 } } });
                        if (placed.StatusCode != HttpStatusCode.Created)
                            continue;
                        var id = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                        orders.Add(id);
                        using var checkout = await PostAsync(client, $"/api/orders/{id}/checkout", new { method = "card" });
                        if (checkout.StatusCode != HttpStatusCode.OK)
                            continue;
                        var intentId = (await checkout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("paymentIntentId").GetString()!;
                        stripe.Succeed(intentId);
                        if ((n + i) % 3 != 0)
                        {
                            // Mostly the webhook says so; otherwise the reconciler finds out.
                            var (body, signature) = FakeStripe.SignedEvent("payment_intent.succeeded", stripe.Intent(intentId));
                            using var webhook = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                            webhook.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
                            using var delivered = await client.SendAsync(webhook);
                            if (!delivered.IsSuccessStatusCode)
                                continue;
                        }
                        else
                        {
                            await Task.Delay(1500); // the reconciler's turn
                        }

                        using var refund = await PostAsync(client, $"/api/orders/{id}/refunds", new { reason = "changed my mind" });
                        if (refund.StatusCode == HttpStatusCode.Created)
                            refundsAcknowledged.Add(id);
                    }
                }
                catch (HttpRequestException)
                {
                    // the server is gone
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (refundsAcknowledged.Count < 8 && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            await api.DisposeAsync(); // SIGKILL: intents, webhooks, refunds and outbox messages in flight
            await stop.CancelAsync();
            await Task.WhenAll(buyers);
        }
        finally
        {
            await api.DisposeAsync();
        }

        Assert.True(refundsAcknowledged.Count >= 8, $"only {refundsAcknowledged.Count} refunds were acknowledged before the deadline");
        await using var restarted = await ApiProcess.StartAsync(Dll, environment);
        using var finance = Client(restarted.BaseAddress, Token("F0001", "finance", "JKL"));

        // After the restart the workers finish what was left: every acknowledged refund reaches Stripe,
        // every succeeded payment is recorded.
        // Polled, not waited for: until every acknowledged refund is at Stripe and its order reads refunded,
        // every succeeded payment is recorded, and nothing changed over the last polls (the workers are done).
        string IntentOf(Guid id) => stripe.IntentsFor(id) is [var intent] ? intent["id"]!.GetValue<string>() : "";
        async Task<Dictionary<Guid, string>> StatusesAsync() => (await Task.WhenAll(orders.Select(async id =>
            (id, (await finance.GetFromJsonAsync<JsonElement>($"/api/orders/{id}")).GetProperty("status").GetString()!))))
            .ToDictionary(s => s.id, s => s.Item2);
        string Fingerprint(Dictionary<Guid, string> statuses) => string.Join(";", orders.Select(id =>
            $"{statuses[id]}:{stripe.IntentsFor(id).Count}:{stripe.RefundsFor(IntentOf(id)).Count}"));
        bool Finished(Dictionary<Guid, string> statuses) =>
            refundsAcknowledged.All(id => stripe.RefundsFor(IntentOf(id)).Count > 0 && statuses[id] == "refunded")
            && orders.All(id => stripe.IntentsFor(id) is not [var intent] || intent["status"]!.GetValue<string>() != "succeeded"
                                || statuses[id] is "paid" or "refunded");
        // A refund leased by the killed process waits for its lease to run out before it is tried again.
        var settleBy = DateTime.UtcNow.AddSeconds(90) + Application.Common.OutboxLeases.Lease;
        var statuses = await StatusesAsync();
        var (last, unchanged) = (Fingerprint(statuses), 0);
        while (DateTime.UtcNow < settleBy && !(Finished(statuses) && unchanged >= 4))
        {
            await Task.Delay(500);
            statuses = await StatusesAsync();
            var now = Fingerprint(statuses);
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
        }

        foreach (var id in orders)
        {
            var intents = stripe.IntentsFor(id);
            Assert.True(intents.Count <= 1, $"order {id}: {intents.Count} intents");
            var status = statuses[id];
            if (intents is not [var intent])
                continue;
            var refunds = stripe.RefundsFor(intent["id"]!.GetValue<string>());
            Assert.True(refunds.Count <= 1, $"order {id}: {refunds.Count} refunds at Stripe");
            Assert.True(refunds.Sum(r => r["amount"]!.GetValue<long>()) <= intent["amount"]!.GetValue<long>());
            if (refundsAcknowledged.Contains(id))
            {
                Assert.Single(refunds);
                Assert.Equal("refunded", status);
            }

            if (intent["status"]!.GetValue<string>() == "succeeded")
                Assert.True(status is "paid" or "refunded", $"order {id} with a succeeded payment is {status}");
        }
    }

}

public sealed class CrashSafetyTestsOnSqlite : CrashSafetyTests
{
    protected override string Provider => "sqlite";

    protected override Task<string> DatabaseAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "internalstore-tests");
        Directory.CreateDirectory(folder);
        return Task.FromResult($"Data Source={Path.Combine(folder, "crash-" + Guid.NewGuid().ToString("N"))}.db");
    }
}

public sealed class CrashSafetyTestsOnPostgres : CrashSafetyTests
{
    protected override string Provider => "postgres";

    protected override async Task<string> DatabaseAsync() => await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync();
}
