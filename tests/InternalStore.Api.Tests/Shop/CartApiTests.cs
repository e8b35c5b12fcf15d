using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Checkout;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests.Shop;

/// <summary>The cart the store keeps per person, and checking it out in one idempotent step, on both databases.</summary>
public abstract class CartApiTests(StoreFactory store)
{
    private readonly CheckoutScenario _given = new(store);

    private static readonly Identity Bram = new("E1002", ["employee"]);
    private static readonly Identity Dana = new("E1004", ["employee"]);

    private async Task<JsonElement> CartAsync(Identity who) =>
        await (await store.ClientFor(who).GetAsync("/api/cart")).AssertJsonAsync(HttpStatusCode.OK);

    private Task<HttpResponseMessage> AddAsync(Identity who, string sku, int quantity) =>
        store.ClientFor(who).PostJsonAsync("/api/cart/lines", new { sku, quantity });

    private Task<HttpResponseMessage> CheckoutAsync(Identity who, object body, string key) =>
        store.ClientFor(who).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/cart/checkout")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(body),
        });

    private async Task EmptyAsync(Identity who) =>
        Assert.Equal(HttpStatusCode.NoContent, (await store.ClientFor(who).DeleteAsync("/api/cart")).StatusCode);

    [Fact]
    public async Task The_cart_is_kept_per_person_priced_live_and_changed_line_by_line()
    {
        var a = await _given.NewProductAsync(listPrice: 40m, unitCost: 10m);
        var b = await _given.NewProductAsync(listPrice: 10m, unitCost: 2m);
        await EmptyAsync(Bram);
        await (await AddAsync(Bram, a, 1)).AssertJsonAsync(HttpStatusCode.OK);
        await (await AddAsync(Bram, a, 2)).AssertJsonAsync(HttpStatusCode.OK);
        var cart = await (await AddAsync(Bram, b, 1)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal([a, b], cart.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("sku").GetString()!).ToArray());
        Assert.Equal(3, cart.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        var quote = cart.GetProperty("quote");
        Assert.Equal("employee", quote.GetProperty("pricedAs").GetString());
        Assert.True(quote.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal() < 40m);
        Assert.True(cart.GetProperty("orderable").GetBoolean());

        // Another device (another token of the same person) sees the same cart; someone else does not.
        var again = await CartAsync(Bram);
        Assert.Equal(cart.GetProperty("lines").ToString(), again.GetProperty("lines").ToString());
        Assert.DoesNotContain(a, (await CartAsync(Identity.Employee)).GetProperty("lines").ToString(), StringComparison.Ordinal);

        var set = await (await store.ClientFor(Bram).PutAsJsonAsync($"/api/cart/lines/{a}", new { quantity = 5 })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, set.GetProperty("lines")[0].GetProperty("quantity").GetInt32());
        var removed = await (await store.ClientFor(Bram).DeleteAsync($"/api/cart/lines/{a}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(b, removed.GetProperty("lines").EnumerateArray().Single().GetProperty("sku").GetString());
        var zero = await (await store.ClientFor(Bram).PutAsJsonAsync($"/api/cart/lines/{b}", new { quantity = 0 })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, zero.GetProperty("lines").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, zero.GetProperty("quote").ValueKind);
    }

    [Fact]
    public async Task Bad_lines_are_refused_naming_the_field_and_change_nothing()
    {
        var sku = await _given.NewProductAsync();
        var before = await StoreRows.CountAsync(store);

        await (await AddAsync(Bram, "NO-SUCH-SKU", 1)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await AddAsync(Bram, sku, 0)).AssertValidationErrorAsync("quantity");
        await (await AddAsync(Bram, sku, 10_001)).AssertValidationErrorAsync("quantity");
        await (await store.ClientFor(Bram).PostJsonAsync("/api/cart/lines", new { quantity = 1 })).AssertValidationErrorAsync("sku");
        await (await store.ClientFor(Bram).PutAsJsonAsync($"/api/cart/lines/{sku}", new { quantity = -1 })).AssertValidationErrorAsync("quantity");

        Assert.Equal(before, await StoreRows.CountAsync(store));
    }

    [Fact]
    public async Task What_stands_in_the_way_of_a_line_is_said_before_ordering()
    {
        var scarce = await _given.NewProductAsync(stock: 2);
        await EmptyAsync(Bram);
        await AddAsync(Bram, scarce, 3);
        await AddAsync(Bram, "LAP-13", 2); // the policy allows one laptop a year

        var cart = await CartAsync(Bram);
        var lines = cart.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("sku").GetString()!);
        Assert.Equal("insufficient-stock", lines[scarce].GetProperty("problem").GetString());
        Assert.Contains("Only 2 in stock", lines[scarce].GetProperty("problemText").GetString(), StringComparison.Ordinal);
        Assert.Equal("quantity-limit", lines["LAP-13"].GetProperty("problem").GetString());
        Assert.False(cart.GetProperty("orderable").GetBoolean());

        var before = await StoreRows.CountAsync(store);
        await (await CheckoutAsync(Bram, new { method = "payroll" }, Guid.NewGuid().ToString())).AssertProblemAsync(HttpStatusCode.Conflict, "quantity-limit");
        Assert.Equal(before, await StoreRows.CountAsync(store));
        await EmptyAsync(Bram);
    }

    [Fact]
    public async Task Checkout_by_payroll_places_one_order_and_one_schedule_however_often_it_is_sent()
    {
        var sku = await _given.NewProductAsync(stock: 10, listPrice: 30m, unitCost: 10m);
        await EmptyAsync(Identity.Employee);
        await AddAsync(Identity.Employee, sku, 3);
        var key = Guid.NewGuid().ToString();

        // A double click: two at once, then a resend.
        var twice = await Task.WhenAll(CheckoutAsync(Identity.Employee, new { method = "payroll", installments = 3 }, key),
            CheckoutAsync(Identity.Employee, new { method = "payroll", installments = 3 }, key));
        var answers = await Task.WhenAll(twice.Select(r => r.AssertJsonAsync(HttpStatusCode.Created)));
        var resent = await (await CheckoutAsync(Identity.Employee, new { method = "payroll", installments = 3 }, key))
            .AssertJsonAsync(HttpStatusCode.Created);

        var orderId = answers[0].GetProperty("order").Id();
        Assert.All(answers.Append(resent), a => Assert.Equal(orderId, a.GetProperty("order").Id()));
        Assert.Equal("paid", answers[0].GetProperty("order").Status());
        Assert.Equal(3, answers[0].GetProperty("details").GetProperty("deductions").GetArrayLength());
        Assert.Equal(7, await _given.StockAsync(sku));
        Assert.Equal(0, (await CartAsync(Identity.Employee)).GetProperty("lines").GetArrayLength());

        var details = await (await store.ClientFor(Identity.Employee).GetAsync($"/api/orders/{orderId}/details")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("payroll", details.GetProperty("method").GetString());
        Assert.Equal(3, details.GetProperty("payroll").GetProperty("deductions").GetArrayLength());
        Assert.Equal(details.GetProperty("order").GetProperty("subtotal").GetDecimal(), details.GetProperty("leftToDeduct").GetDecimal());
        Assert.Equal(details.GetProperty("order").GetProperty("lines").GetArrayLength(), details.GetProperty("explanations").GetArrayLength());
        Assert.False(details.GetProperty("canCancel").GetBoolean());
        Assert.Equal(JsonValueKind.String, details.GetProperty("refundableUntil").ValueKind);
        Assert.Equal(key, details.GetProperty("checkoutKey").GetString());
        var asFinance = await (await store.ClientFor(Identity.GroupFinance).GetAsync($"/api/orders/{orderId}/details")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, asFinance.GetProperty("checkoutKey").ValueKind);
        await (await store.ClientFor(Bram).GetAsync($"/api/orders/{orderId}/details")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_refused_payment_places_nothing_and_keeps_the_cart()
    {
        var sku = await _given.NewProductAsync(stock: 10, listPrice: 900m, unitCost: 100m);
        await EmptyAsync(Identity.Employee);
        await AddAsync(Identity.Employee, sku, 1);
        var before = await StoreRows.CountAsync(store);

        // Over the per-period payroll cap in one pay period: the placed order is cancelled again.
        var overCap = await (await CheckoutAsync(Identity.Employee, new { method = "payroll", installments = 1 }, Guid.NewGuid().ToString()))
            .AssertProblemAsync(HttpStatusCode.Conflict, "payment-method-unavailable");
        Assert.Contains("per pay period", overCap.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, await _given.StockAsync(sku));
        Assert.Equal(sku, (await CartAsync(Identity.Employee)).GetProperty("lines")[0].GetProperty("sku").GetString());
        var orders = await (await store.ClientFor(Identity.Employee).GetAsync("/api/orders?status=awaitingPayment&pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(orders.GetProperty("items").EnumerateArray(), o => o.GetProperty("lines")[0].GetProperty("sku").GetString() == sku);

        // Card without Stripe, and a method that is not the buyer's: refused before anything is placed.
        await (await CheckoutAsync(Identity.Employee, new { method = "card" }, Guid.NewGuid().ToString()))
            .AssertProblemAsync(HttpStatusCode.Conflict, "payment-method-unavailable");
        await (await CheckoutAsync(Identity.Employee, new { method = "bitcoin" }, Guid.NewGuid().ToString())).AssertValidationErrorAsync("method");
        await (await CheckoutAsync(Identity.Employee, new { method = "payroll", installments = 9 }, Guid.NewGuid().ToString()))
            .AssertValidationErrorAsync("installments");
        await (await store.ClientFor(Identity.Employee).PostJsonAsync("/api/cart/checkout", new { method = "payroll" }))
            .AssertValidationErrorAsync("Idempotency-Key");

        var afterRefusals = await StoreRows.CountAsync(store);
        Assert.Equal(before.Split(',')[1..], afterRefusals.Split(',')[1..]); // only the cancelled order's row remains
        await EmptyAsync(Identity.Employee);
        await (await CheckoutAsync(Identity.Employee, new { method = "payroll" }, Guid.NewGuid().ToString()))
            .AssertProblemAsync(HttpStatusCode.Conflict, "cart-empty");
    }

    [Fact]
    public async Task A_leaver_is_told_they_cannot_pay_and_nothing_is_placed()
    {
        var options = await (await store.ClientFor(Dana).GetAsync("/api/me/payment-options")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(options.GetProperty("canPay").GetBoolean());
        Assert.Contains("employment has ended", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("not offered", options.ToString(), StringComparison.Ordinal);

        var sku = await _given.NewProductAsync();
        await AddAsync(Dana, sku, 1);
        Assert.Equal("external", (await CartAsync(Dana)).GetProperty("quote").GetProperty("pricedAs").GetString());
        var before = await StoreRows.CountAsync(store);
        await (await CheckoutAsync(Dana, new { method = "payroll" }, Guid.NewGuid().ToString()))
            .AssertProblemAsync(HttpStatusCode.Conflict, "payment-method-unavailable");
        Assert.Equal(before, await StoreRows.CountAsync(store));

        var alice = await (await store.ClientFor(Identity.Employee).GetAsync("/api/me/payment-options")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.True(alice.GetProperty("canPay").GetBoolean());
        Assert.Equal("employee", alice.GetProperty("buyingAs").GetString());
    }

    [Fact]
    public async Task A_department_checks_out_by_chargeback_and_an_affiliate_by_invoice()
    {
        var sku = await _given.NewProductAsync(listPrice: 50m, unitCost: 20m);
        await EmptyAsync(Identity.DepartmentBuyer);
        await AddAsync(Identity.DepartmentBuyer, sku, 2);
        var charged = await (await CheckoutAsync(Identity.DepartmentBuyer, new { method = "chargeback" }, Guid.NewGuid().ToString()))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("paid", charged.GetProperty("order").Status());
        Assert.Equal("CC-1200", charged.GetProperty("details").GetProperty("costCenter").GetString());

        await EmptyAsync(Identity.AffiliateBuyer);
        await AddAsync(Identity.AffiliateBuyer, sku, 1);
        var invoiced = await (await CheckoutAsync(Identity.AffiliateBuyer, new { method = "invoice" }, Guid.NewGuid().ToString()))
            .AssertJsonAsync(HttpStatusCode.Created);
        Assert.Equal("awaitingPayment", invoiced.GetProperty("order").Status());
        Assert.Equal("XYZ", invoiced.GetProperty("details").GetProperty("buyerCompany").GetString());
        var details = await (await store.ClientFor(Identity.AffiliateBuyer).GetAsync($"/api/orders/{invoiced.GetProperty("order").Id()}/details"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.False(details.GetProperty("canCancel").GetBoolean()); // an invoice holds its goods until settled
        Assert.Equal(invoiced.GetProperty("details").GetProperty("number").GetString(), details.GetProperty("invoice").GetProperty("number").GetString());
    }
}

public sealed class CartApiTestsOnSqlite(SqliteStoreFactory store) : CartApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class CartApiTestsOnPostgres(PostgresStoreFactory store) : CartApiTests(store), IClassFixture<PostgresStoreFactory>;
