using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Orders;
using InternalStore.Application.Pricing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>Placing, reading, cancelling and expiring orders, with stock and allowance that hold under concurrency.</summary>
public abstract class OrderApiTests(StoreFactory store)
{
    private static object Cart(params (string Sku, int Quantity)[] lines) =>
        new { lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity }) };

    private static HttpRequestMessage Order(object body, string? key = null) => new(HttpMethod.Post, "/api/orders")
    {
        Headers = { { "Idempotency-Key", key ?? Guid.NewGuid().ToString() } },
        Content = JsonContent.Create(body),
    };

    private async Task<string> NewProductAsync(int stock, decimal listPrice = 20.00m)
    {
        var sku = "O-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await (await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/products", new
        {
            sku, name = "Order test item", category = "office", listPrice, unitCost = 8.00m, stockOnHand = stock,
        })).AssertJsonAsync(HttpStatusCode.Created);
        return sku;
    }

    private async Task<int> StockAsync(string sku) =>
        (await (await store.ClientFor(Identity.Catalog).GetAsync($"/api/products/{sku}")).AssertJsonAsync(HttpStatusCode.OK))
        .GetProperty("stockOnHand").GetInt32();

    private async Task<decimal> ReservedAllowanceAsync(Identity employee) =>
        (await (await store.ClientFor(employee).GetAsync("/api/me/allowance")).AssertJsonAsync(HttpStatusCode.OK))
        .GetProperty("reserved").GetDecimal();

    [Fact]
    public async Task An_employee_order_reserves_stock_and_allowance_at_the_quoted_price()
    {
        var sku = await NewProductAsync(10);
        var client = store.ClientFor(Identity.Employee);
        var reservedBefore = await ReservedAllowanceAsync(Identity.Employee);
        var quote = await (await client.PostJsonAsync("/api/quotes", Cart((sku, 2)))).AssertJsonAsync(HttpStatusCode.OK);

        var response = await client.SendAsync(Order(Cart((sku, 2))));

        var order = await response.AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/orders/{order.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.Equal("awaitingPayment", order.GetProperty("status").GetString());
        Assert.Equal(quote.GetProperty("subtotal").GetDecimal(), order.GetProperty("subtotal").GetDecimal());
        Assert.Equal(16.00m, order.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal()); // silver 20 %
        Assert.Equal(8, await StockAsync(sku));
        Assert.Equal(reservedBefore + 8.00m, await ReservedAllowanceAsync(Identity.Employee));
    }

    [Fact]
    public async Task The_same_key_replays_the_order_and_a_different_body_with_it_is_422()
    {
        var sku = await NewProductAsync(10);
        var client = store.ClientFor(Identity.Employee);
        var key = Guid.NewGuid().ToString();

        var first = await (await client.SendAsync(Order(Cart((sku, 1)), key))).AssertJsonAsync(HttpStatusCode.Created);
        var replay = await (await client.SendAsync(Order(Cart((sku, 1)), key))).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.SendAsync(Order(Cart((sku, 2)), key)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        Assert.Equal(first.GetProperty("id").GetGuid(), replay.GetProperty("id").GetGuid());
        Assert.Equal(9, await StockAsync(sku));
    }

    [Fact]
    public async Task A_double_submitted_order_creates_one_order()
    {
        var sku = await NewProductAsync(20);
        var key = Guid.NewGuid().ToString();
        var clients = Enumerable.Range(0, 8).Select(_ => store.ClientFor(Identity.DepartmentBuyer)).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.SendAsync(Order(Cart((sku, 2)), key))));

        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"got {(int)response.StatusCode}");
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        Assert.Single(ids);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(18, await StockAsync(sku));
    }

    [Fact]
    public async Task Fifty_buyers_for_the_last_three_units_make_three_orders()
    {
        var sku = await NewProductAsync(3);
        var buyers = Enumerable.Range(0, 50)
            .Select(i => store.ClientFor(new Identity($"D-{i}", ["department-buyer"], CostCenter: "CC-1200"))).ToList();

        var responses = await Task.WhenAll(buyers.Select(b => b.SendAsync(Order(Cart((sku, 1))))));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(47, refused.Count);
        foreach (var response in refused)
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "insufficient-stock");
            Assert.Contains(sku, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await StockAsync(sku));
    }

    [Fact]
    public async Task Concurrent_orders_never_over_consume_the_allowance()
    {
        var gold = new Identity("E1002", ["employee"]);
        var clients = Enumerable.Range(0, 6).Select(_ => store.ClientFor(gold)).ToList();
        var left = (await (await clients[0].GetAsync("/api/me/allowance")).AssertJsonAsync(HttpStatusCode.OK))
            .GetProperty("remaining").GetDecimal(); // other tests of this class may have used some
        var reservedBefore = await ReservedAllowanceAsync(gold);

        // Each order's benefit is 5 x 144.00 = 720.00; six of them ask for 4 320.00 of a 1 500.00 allowance.
        var responses = await Task.WhenAll(clients.Select(c => c.SendAsync(Order(Cart(("DSL-12", 5))))));

        var orders = new List<JsonElement>();
        foreach (var response in responses)
            orders.Add(await response.AssertJsonAsync(HttpStatusCode.Created));
        Assert.Equal(left, orders.Sum(o => o.GetProperty("allowanceReserved").GetDecimal()));
        Assert.Equal(reservedBefore + left, await ReservedAllowanceAsync(gold));
        // The excess is paid at the external price: 6 orders x 2 400.00 at list, less the benefit granted.
        Assert.Equal(6 * 2400.00m - left, orders.Sum(o => o.GetProperty("subtotal").GetDecimal()));
    }

    [Fact]
    public async Task Cancelling_releases_exactly_what_was_reserved_once()
    {
        var sku = await NewProductAsync(5);
        var client = store.ClientFor(Identity.Employee);
        var reservedBefore = await ReservedAllowanceAsync(Identity.Employee);
        var order = await (await client.SendAsync(Order(Cart((sku, 3))))).AssertJsonAsync(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();

        var cancelled = await (await client.PostAsync($"/api/orders/{id}/cancel", null)).AssertJsonAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"/api/orders/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(["awaitingPayment", "cancelled"], cancelled.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()));
        Assert.Equal(5, await StockAsync(sku));
        Assert.Equal(reservedBefore, await ReservedAllowanceAsync(Identity.Employee));
    }

    [Fact]
    public async Task An_unpaid_order_expires_after_its_hold_and_releases_once()
    {
        var sku = await NewProductAsync(4);
        var client = store.ClientFor(Identity.Employee);
        var reservedBefore = await ReservedAllowanceAsync(Identity.Employee);
        var order = await (await client.SendAsync(Order(Cart((sku, 4))))).AssertJsonAsync(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        var later = order.GetProperty("expiresAt").GetDateTimeOffset().AddSeconds(1);

        await using var scope = store.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        Assert.False(await sender.Send(new ExpireOrderCommand(id, later.AddMinutes(-10))));
        Assert.Contains(id, await sender.Send(new DueOrdersQuery(later, 1000)));
        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var s = store.Services.CreateAsyncScope();
            return await s.ServiceProvider.GetRequiredService<ISender>().Send(new ExpireOrderCommand(id, later));
        }));

        Assert.Equal(1, results.Count(r => r));
        var expired = await (await client.GetAsync($"/api/orders/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("expired", expired.GetProperty("status").GetString());
        Assert.Equal(4, await StockAsync(sku));
        Assert.Equal(reservedBefore, await ReservedAllowanceAsync(Identity.Employee));
    }

    [Fact]
    public async Task Another_buyers_order_is_not_found_but_hr_and_finance_see_it()
    {
        var sku = await NewProductAsync(5);
        var order = await (await store.ClientFor(Identity.Employee).SendAsync(Order(Cart((sku, 1))))).AssertJsonAsync(HttpStatusCode.Created);
        var id = order.GetProperty("id").GetGuid();
        var other = store.ClientFor(new Identity("E1002", ["employee"]));

        await (await other.GetAsync($"/api/orders/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await other.PostAsync($"/api/orders/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        var mine = await (await other.GetAsync("/api/orders?pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        await (await store.ClientFor(Identity.Hr).GetAsync($"/api/orders/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        var all = await (await store.ClientFor(Identity.Finance).GetAsync("/api/orders?buyer=E1001&status=awaitingPayment&pageSize=100"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Prices_buyer_and_status_in_the_body_change_nothing()
    {
        var sku = await NewProductAsync(5);
        var body = $$"""
            {"lines":[{"sku":"{{sku}}","quantity":1,"unitPrice":0.01,"lineTotal":0.01}],
             "subtotal":0.01,"total":0.01,"employeeId":"E1002","buyerId":"E1002","status":"paid"}
            """;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        var order = await (await store.ClientFor(Identity.Employee).SendAsync(request)).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(16.00m, order.GetProperty("subtotal").GetDecimal());
        Assert.Equal("E1001", order.GetProperty("buyerId").GetString());
        Assert.Equal("awaitingPayment", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_quantity_limit_counts_earlier_orders()
    {
        var client = store.ClientFor(new Identity("E1002", ["employee"]));
        await (await client.SendAsync(Order(Cart(("HDP-01", 2))))).AssertJsonAsync(HttpStatusCode.Created);

        var response = await client.SendAsync(Order(Cart(("HDP-01", 2))));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "quantity-limit");
        var allowance = await (await client.GetAsync("/api/me/allowance")).AssertJsonAsync(HttpStatusCode.OK);
        var limit = allowance.GetProperty("quantityLimits").EnumerateArray().Single(l => l.GetProperty("sku").GetString() == "HDP-01");
        Assert.Equal(2, limit.GetProperty("used").GetInt32());
        Assert.Equal(1, limit.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task A_quote_sees_the_buyers_own_orders_and_cancellations_at_once()
    {
        // Quotes read the buyer's past purchases and allowance from the read cache: an order or a
        // cancellation committed by this process must empty it before the next quote.
        var client = store.ClientFor(new Identity("C9001", ["employee"]));
        async Task<JsonElement> QuoteViolationsAsync() =>
            (await (await client.PostJsonAsync("/api/quotes", Cart(("HDP-01", 3)))).AssertJsonAsync(HttpStatusCode.OK))
            .GetProperty("violations");
        Assert.Equal(0, (await QuoteViolationsAsync()).GetArrayLength());

        var order = await (await client.SendAsync(Order(Cart(("HDP-01", 2))))).AssertJsonAsync(HttpStatusCode.Created);
        var afterOrder = await QuoteViolationsAsync();
        await (await client.PostAsync($"/api/orders/{order.GetProperty("id").GetGuid()}/cancel", null)).AssertJsonAsync(HttpStatusCode.OK);
        var afterCancel = await QuoteViolationsAsync();

        Assert.Equal(1, afterOrder.EnumerateArray().Single().GetProperty("remaining").GetInt32());
        Assert.Equal(0, afterCancel.GetArrayLength());
    }

    [Fact]
    public async Task A_valid_quote_token_locks_the_price_and_a_tampered_one_is_refused()
    {
        var sku = await NewProductAsync(10);
        var client = store.ClientFor(Identity.Employee);
        var quote = await (await client.PostJsonAsync("/api/quotes", Cart((sku, 1)))).AssertJsonAsync(HttpStatusCode.OK);
        var token = quote.GetProperty("quoteToken").GetString()!;

        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        await (await client.SendAsync(Order(new { lines = new[] { new { sku, quantity = 1 } }, quoteToken = tampered })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "quote-invalid");
        await (await client.SendAsync(Order(new { lines = new[] { new { sku, quantity = 2 } }, quoteToken = token })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "quote-invalid");
        var order = await (await client.SendAsync(Order(new { lines = new[] { new { sku, quantity = 1 } }, quoteToken = token })))
            .AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(quote.GetProperty("subtotal").GetDecimal(), order.GetProperty("subtotal").GetDecimal());
    }

    [Fact]
    public async Task A_quote_whose_allowance_was_used_meanwhile_no_longer_holds()
    {
        var employee = await NewEmployeeAsync(grade: 8);
        var client = store.ClientFor(employee);
        var quote = await (await client.PostJsonAsync("/api/quotes", Cart(("DSL-12", 5)))).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(720.00m, quote.GetProperty("allowanceConsumed").GetDecimal());
        // Another order takes 2 x 720.00 of the 1 500.00 allowance, leaving 60.00.
        await (await client.SendAsync(Order(Cart(("DSL-12", 10))))).AssertJsonAsync(HttpStatusCode.Created);

        var response = await client.SendAsync(Order(new
        {
            lines = new[] { new { sku = "DSL-12", quantity = 5 } },
            quoteToken = quote.GetProperty("quoteToken").GetString(),
        }));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "quote-expired");
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_with_413()
    {
        var huge = "{\"lines\":[{\"sku\":\"" + new string('A', 2 * 1024 * 1024) + "\",\"quantity\":1}]}";
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = new StringContent(huge, Encoding.UTF8, "application/json"),
        };

        var response = await store.ClientFor(Identity.Employee).SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    private async Task<Identity> NewEmployeeAsync(int grade)
    {
        var id = "T" + Guid.NewGuid().ToString("N")[..8];
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InternalStore.Application.Common.IStoreDb>();
        db.Employees.Add(new InternalStore.Domain.People.Employee(id, "Test Person", $"{id}@abc.example", "ABC", "CC-1000",
            grade, new DateOnly(2010, 1, 4)));
        await db.SaveChangesAsync();
        return new Identity(id, ["employee"]);
    }

    [Fact]
    public async Task An_expired_quote_token_is_a_conflict()
    {
        var sku = await NewProductAsync(10);
        await using var scope = store.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<QuoteTokens>();
        var token = tokens.Sign(new QuoteClaims("E1001", "employee", "USD", [new QuotedLine(sku, 1, 16.00m, 16.00m, 4.00m)],
            16.00m, 4.00m, DateTimeOffset.UtcNow.AddMinutes(-1)));

        var response = await store.ClientFor(Identity.Employee)
            .SendAsync(Order(new { lines = new[] { new { sku, quantity = 1 } }, quoteToken = token }));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "quote-expired");
    }

    public static TheoryData<string, string, string> BadOrders => new()
    {
        { "{\"lines\":[]}", "lines", "validation" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":0}]}", "lines[0].quantity", "invalid-quantity" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":-1}]}", "lines[0].quantity", "invalid-quantity" },
        { "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":1e9}]}", "lines[0].quantity", "validation" },
        { "{\"lines\":[{\"sku\":\"NOPE\",\"quantity\":1}]}", "lines[0].sku", "unknown-sku" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task A_bad_order_is_a_400_and_writes_nothing(string body, string field, string code)
    {
        var buyer = new Identity("D-bad-" + Guid.NewGuid().ToString("N")[..6], ["department-buyer"], CostCenter: "CC-1200");
        var client = store.ClientFor(buyer);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        await (await client.SendAsync(request)).AssertValidationErrorAsync(field, code);

        var orders = await (await client.GetAsync("/api/orders")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, orders.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task An_order_without_an_idempotency_key_is_a_400_naming_the_header()
    {
        var response = await store.ClientFor(Identity.Employee).PostJsonAsync("/api/orders", Cart(("LAP-13", 1)));

        await response.AssertValidationErrorAsync("Idempotency-Key");
    }

    [Fact]
    public async Task More_than_500_lines_is_a_400()
    {
        var lines = Enumerable.Range(0, 501).Select(i => ($"SKU-{i}", 1)).ToArray();

        await (await store.ClientFor(Identity.Employee).SendAsync(Order(Cart(lines)))).AssertValidationErrorAsync("lines");
    }

    [Theory]
    [InlineData("hr")]
    [InlineData("finance")]
    [InlineData("catalog")]
    public async Task Only_buyers_place_orders(string role)
    {
        var response = await store.ClientFor(new Identity("P8", [role])).SendAsync(Order(Cart(("LAP-13", 1))));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Only_a_paid_order_can_be_fulfilled()
    {
        var sku = await NewProductAsync(5);
        var order = await (await store.ClientFor(Identity.Employee).SendAsync(Order(Cart((sku, 1))))).AssertJsonAsync(HttpStatusCode.Created);

        var response = await store.ClientFor(Identity.Catalog).PostAsync($"/api/orders/{order.GetProperty("id").GetGuid()}/fulfil", null);

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
    }
}

public sealed class OrderApiTestsOnSqlite(SqliteStoreFactory store) : OrderApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class OrderApiTestsOnPostgres(PostgresStoreFactory store) : OrderApiTests(store), IClassFixture<PostgresStoreFactory>;

/// <summary>Two API hosts on one PostgreSQL database: the stock still holds.</summary>
public sealed class TwoHostsOnPostgresTests(PostgresStoreFactory first) : IClassFixture<PostgresStoreFactory>
{
    [Fact]
    public async Task Fifty_buyers_on_two_hosts_for_the_last_three_units_make_three_orders()
    {
        await using var second = new SecondHost(first.ConnectionString);
        await second.InitializeAsync();
        var sku = "H-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await (await first.ClientFor(Identity.Catalog).PostJsonAsync("/api/products", new
        {
            sku, name = "Two hosts", category = "office", listPrice = 10.00m, unitCost = 4.00m, stockOnHand = 3,
        })).AssertJsonAsync(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
        {
            var host = i % 2 == 0 ? (StoreFactory)first : second;
            var client = host.ClientFor(new Identity($"D-{i}", ["department-buyer"], CostCenter: "CC-1200"));
            return client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/orders")
            {
                Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
                Content = JsonContent.Create(new { lines = new[] { new { sku, quantity = 1 } } }),
            });
        }));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(47, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var product = await (await second.ClientFor(Identity.Catalog).GetAsync($"/api/products/{sku}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, product.GetProperty("stockOnHand").GetInt32());
    }

    /// <summary>Another host of the API on the first one's database (migrations already applied, data already there).</summary>
    private sealed class SecondHost(string connectionString) : StoreFactory
    {
        public override string Provider => "postgres";

        protected override Task<string> CreateDatabaseAsync() => Task.FromResult(connectionString);
    }
}
