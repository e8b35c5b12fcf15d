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
/// Two API processes on one PostgreSQL database under mixed load: buyers place, cancel, pay by
/// card and by chargeback through either host, Stripe's webhooks arrive at both (each event twice),
/// some payments are only found by the reconciler, and both hosts' expiry and settlement workers
/// run at once, with a hold so short that payments race expiry. Afterwards stock, allowance and
/// money balance and nothing happened twice.
/// </summary>
public sealed class MultiInstanceTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int StartingStock = 10_000;

    [Fact]
    public async Task Two_hosts_under_mixed_load_keep_ledgers_balanced_and_move_money_once()
    {
        await using var stripe = await FakeStripe.StartAsync();
        var environment = ProcessApi.Environment("postgres", await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync(), stripe);
        environment["Orders__HoldMinutes"] = "0"; // every unpaid order is due for expiry at once: payments race the sweep
        environment["Orders__ExpirySweepSeconds"] = "1";
        await using var first = await ApiProcess.StartAsync(Dll, environment);
        await using var second = await ApiProcess.StartAsync(Dll, environment);
        Uri[] hosts = [first.BaseAddress, second.BaseAddress];

        var sku = "MULTI-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using (var catalog = Client(hosts[0], Token("C9001", "catalog", "ABC")))
        {
            (await catalog.PostAsJsonAsync("/api/products", new
            {
                sku, name = "Two-host item", category = "office", listPrice = 10.00m, unitCost = 4.00m, stockOnHand = StartingStock,
            })).EnsureSuccessStatusCode();
        }

        string[] employees = ["E1001", "E1002", "E2001"];
        var allowanceBefore = new Dictionary<string, JsonElement>();
        foreach (var employee in employees)
        {
            using var client = Client(hosts[1], EmployeeToken(employee));
            allowanceBefore[employee] = await client.GetFromJsonAsync<JsonElement>("/api/me/allowance");
        }

        var placed = new ConcurrentBag<Guid>();
        var statuses = new ConcurrentDictionary<int, int>();
        var buyers = employees.Select(EmployeeToken)
            .Concat(Enumerable.Range(0, 2).Select(i => Token($"D-MULTI-{i}", "department-buyer", "ABC", "CC-1200")))
            .Select((token, buyer) => Task.Run(async () =>
            {
                var random = new Random(buyer);
                using var a = Client(hosts[0], token);
                using var b = Client(hosts[1], token);
                HttpClient Any() => random.Next(2) == 0 ? a : b;
                for (var n = 0; n < 14; n++)
                {
                    using var placing = await PostAsync(Any(), "/api/orders",
                        new { lines = new[] { new { sku, quantity = 1 + random.Next(2) } } });
                    statuses.AddOrUpdate((int)placing.StatusCode, 1, (_, c) => c + 1);
                    if (placing.StatusCode != HttpStatusCode.Created)
                        continue;
                    var id = (await placing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                    placed.Add(id);
                    var department = buyer >= employees.Length;
                    switch (random.Next(5))
                    {
                        case 3 when !department:
                            // The buyer cancels on one host while the card payment is going through: the money must come back once.
                            await PayByCardAsync(Any(), id, stripe, hosts, webhook: true,
                                beforePayment: async () => (await PostAsync(Any(), $"/api/orders/{id}/cancel", new { })).Dispose());
                            break;
                        case 0:
                            (await PostAsync(Any(), $"/api/orders/{id}/cancel", new { })).Dispose();
                            break;
                        case 1 when department:
                            (await PostAsync(Any(), $"/api/orders/{id}/checkout", new { method = "chargeback" })).Dispose();
                            break;
                        case 1 or 2 when !department:
                            await PayByCardAsync(Any(), id, stripe, hosts, webhook: random.Next(3) > 0);
                            break;
                        default:
                            break; // left to expire
                    }
                }
            })).ToList();
        await Task.WhenAll(buyers);

        Assert.True(placed.Count >= 30, $"only {placed.Count} orders placed; statuses {string.Join(", ", statuses)}");
        Assert.DoesNotContain(statuses.Keys, s => s >= 500);
        using var finance = Client(hosts[1], Token("F0001", "finance", "JKL"));
        var orders = await SettledOrdersAsync(finance, placed, stripe);

        // The load produced every kind of outcome, or the checks below would prove little.
        string Kind(JsonElement o) => $"{o.GetProperty("buyerKind").GetString()} {o.GetProperty("status").GetString()}";
        var kinds = orders.GroupBy(Kind).ToDictionary(g => g.Key, g => g.Count());
        var refunded = orders.Count(o => stripe.IntentsFor(o.GetProperty("id").GetGuid()) is [var i] && stripe.RefundsFor(i["id"]!.GetValue<string>()).Count > 0);
        var summary = string.Join(", ", kinds.Select(k => $"{k.Key}: {k.Value}")) + $", refunded: {refunded}";
        foreach (var kind in new[] { "employee paid", "employee cancelled", "employee expired", "department paid", "department expired" })
            Assert.True(kinds.ContainsKey(kind), $"no '{kind}' order in this run ({summary})");
        Assert.True(refunded > 0, summary);
        output.WriteLine(summary);

        // Stock: what is on hand plus what paid (or still awaiting) orders hold is what there was.
        var holding = orders.Where(o => o.GetProperty("status").GetString() is "awaitingPayment" or "paid" or "fulfilled").ToList();
        var stock = (await finance.GetFromJsonAsync<JsonElement>($"/api/products/{sku}")).GetProperty("stockOnHand").GetInt32();
        Assert.Equal(StartingStock, stock + holding.Sum(o => o.GetProperty("lines")[0].GetProperty("quantity").GetInt32()));

        // Money: one PaymentIntent per order; a succeeded payment of an order that is not paid is refunded once, in full;
        // a paid order keeps its money.
        foreach (var order in orders)
        {
            var id = order.GetProperty("id").GetGuid();
            var intents = stripe.IntentsFor(id);
            Assert.True(intents.Count <= 1, $"order {id} has {intents.Count} payment intents");
            if (intents.Count == 0)
                continue;
            var intent = intents[0];
            var refunds = stripe.RefundsFor(intent["id"]!.GetValue<string>());
            var succeeded = intent["status"]!.GetValue<string>() == "succeeded";
            var status = order.GetProperty("status").GetString();
            if (succeeded && status is not ("paid" or "fulfilled"))
            {
                var refund = Assert.Single(refunds);
                Assert.Equal(intent["amount"]!.GetValue<long>(), refund["amount"]!.GetValue<long>());
            }
            else
            {
                Assert.Empty(refunds);
            }

            if (status == "paid" && order.GetProperty("buyerKind").GetString() == "employee")
                Assert.True(succeeded, $"order {id} is paid but its intent is {intent["status"]}");
        }

        // Allowance: nothing stays reserved, and what is used grew by exactly what the paid orders took.
        foreach (var employee in employees)
        {
            using var client = Client(hosts[0], EmployeeToken(employee));
            var after = await client.GetFromJsonAsync<JsonElement>("/api/me/allowance");
            var taken = orders.Where(o => o.GetProperty("buyerId").GetString() == employee && o.GetProperty("status").GetString() is "paid" or "fulfilled")
                .SelectMany(o => o.GetProperty("lines").EnumerateArray()).Sum(l => l.GetProperty("allowanceTaken").GetDecimal());
            Assert.Equal(allowanceBefore[employee].GetProperty("reserved").GetDecimal(), after.GetProperty("reserved").GetDecimal());
            Assert.Equal(allowanceBefore[employee].GetProperty("used").GetDecimal() + taken, after.GetProperty("used").GetDecimal());
        }

        // Chargebacks: one journal entry per paid department order.
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var statement = await finance.GetFromJsonAsync<JsonElement>($"/api/finance/chargebacks?month={month}");
        var entries = statement.GetProperty("costCenters").EnumerateArray().SelectMany(c => c.GetProperty("entries").EnumerateArray())
            .Where(e => placed.Contains(e.GetProperty("orderId").GetGuid())).ToList();
        var paidDepartmentOrders = orders.Where(o => o.GetProperty("buyerKind").GetString() == "department" && o.GetProperty("status").GetString() == "paid")
            .Select(o => o.GetProperty("id").GetGuid()).ToHashSet();
        Assert.Equal(paidDepartmentOrders.Order(), entries.Select(e => e.GetProperty("orderId").GetGuid()).Order());
    }

    /// <summary>Card checkout through one host; Stripe then succeeds the intent and, mostly, tells both hosts (the same event twice).</summary>
    private static async Task PayByCardAsync(HttpClient host, Guid orderId, FakeStripe stripe, Uri[] hosts, bool webhook,
        Func<Task>? beforePayment = null)
    {
        using var checkout = await PostAsync(host, $"/api/orders/{orderId}/checkout", new { method = "card" });
        if (checkout.StatusCode != HttpStatusCode.OK)
            return; // expired first: 409
        var intentId = (await checkout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details").GetProperty("paymentIntentId").GetString()!;
        if (beforePayment is not null)
            await beforePayment();
        stripe.Succeed(intentId);
        if (!webhook)
            return; // the reconciler finds it
        var eventId = "evt_" + Guid.NewGuid().ToString("N")[..24];
        foreach (var target in hosts.Reverse())
        {
            var (body, signature) = FakeStripe.SignedEvent("payment_intent.succeeded", stripe.Intent(intentId), eventId);
            using var client = new HttpClient { BaseAddress = target };
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
            using var response = await client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"webhook to {target}: {(int)response.StatusCode}");
        }
    }

    /// <summary>
    /// The orders once both hosts' workers have nothing left to do: none awaiting payment, every due refund
    /// made, and nothing changed over the last polls (polled until a deadline, never a fixed wait).
    /// </summary>
    private static async Task<List<JsonElement>> SettledOrdersAsync(HttpClient finance, IEnumerable<Guid> ids, FakeStripe stripe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var (last, unchanged) = ("", 0);
        while (true)
        {
            var orders = new List<JsonElement>();
            foreach (var id in ids)
                orders.Add(await finance.GetFromJsonAsync<JsonElement>($"/api/orders/{id}"));
            var refundsDue = orders.Count(o => o.GetProperty("status").GetString() is not ("paid" or "fulfilled")
                                               && stripe.IntentsFor(o.GetProperty("id").GetGuid()) is [var intent]
                                               && intent["status"]!.GetValue<string>() == "succeeded"
                                               && stripe.RefundsFor(intent["id"]!.GetValue<string>()).Count == 0);
            var awaiting = orders.Count(o => o.GetProperty("status").GetString() == "awaitingPayment");
            var now = string.Join(";", orders.Select(o => o.GetProperty("status").GetString() + ":"
                + string.Join(",", stripe.IntentsFor(o.GetProperty("id").GetGuid()).Select(i => stripe.RefundsFor(i["id"]!.GetValue<string>()).Count))));
            unchanged = now == last ? unchanged + 1 : 0;
            last = now;
            if ((refundsDue == 0 && awaiting == 0 && unchanged >= 4) || DateTime.UtcNow > deadline)
                return orders;

            await Task.Delay(500);
        }
    }


}
