using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Checkout;
using InternalStore.Application.Orders;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>Card checkout through Stripe.net against the local Stripe fake: one intent per order whatever happens.</summary>
public abstract class CardPaymentTests(StoreFactory store)
{
    private readonly CheckoutScenario _given = new(store);
    private FakeStripe Stripe => store.Stripe;

    private async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = store.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    private async Task<(JsonElement Order, string Sku)> PlacedOrderAsync(int quantity = 1, Identity? buyer = null)
    {
        var sku = await _given.NewProductAsync(listPrice: 25m, unitCost: 10m);
        return (await _given.PlaceAsync(buyer ?? Identity.Employee, (sku, quantity)), sku);
    }

    private Task<HttpResponseMessage> CardAsync(Guid orderId, string? paymentMethod = null, string? key = null) =>
        _given.CheckoutAsync(Identity.Employee, orderId, new { method = "card", paymentMethodId = paymentMethod }, key);

    private void AssertOneIntentWithOneKey(Guid orderId)
    {
        Assert.Single(Stripe.IntentsFor(orderId));
        var keys = Stripe.IntentCreations(orderId).Select(r => r.IdempotencyKey).Distinct().ToList();
        Assert.Equal([$"order:{orderId}:payment-intent"], keys);
    }

    private async Task<HttpResponseMessage> DeliverAsync(string type, JsonObject dataObject, string? eventId = null,
        DateTimeOffset? at = null, string? signature = null)
    {
        var (body, signed) = FakeStripe.SignedEvent(type, dataObject, eventId, at);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", signature ?? signed);
        return await store.CreateClient().SendAsync(request);
    }

    private async Task<string> PaidByWebhookAsync(Guid orderId)
    {
        var checkout = await (await CardAsync(orderId)).AssertJsonAsync(HttpStatusCode.OK);
        var intentId = checkout.GetProperty("details").GetProperty("paymentIntentId").GetString()!;
        Stripe.Succeed(intentId);
        await (await DeliverAsync("payment_intent.succeeded", Stripe.Intent(intentId))).AssertJsonAsync(HttpStatusCode.OK);
        return intentId;
    }

    [Fact]
    public async Task Card_checkout_creates_the_order_s_intent_for_its_server_side_amount_and_waits_for_the_webhook()
    {
        var (order, _) = await PlacedOrderAsync(2);

        var result = await (await CardAsync(order.Id())).AssertJsonAsync(HttpStatusCode.OK);

        var card = result.GetProperty("details");
        var intent = Stripe.Intent(card.GetProperty("paymentIntentId").GetString()!);
        Assert.StartsWith(intent["id"]!.GetValue<string>() + "_secret_", card.GetProperty("clientSecret").GetString());
        Assert.Equal((long)(order.GetProperty("subtotal").GetDecimal() * 100), intent["amount"]!.GetValue<long>());
        Assert.Equal(order.GetProperty("currency").GetString()!.ToLowerInvariant(), intent["currency"]!.GetValue<string>());
        Assert.Equal("awaitingPayment", result.GetProperty("order").Status());
        // Another checkout (another key, another device) reaches the same intent.
        var again = await (await CardAsync(order.Id())).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(card.GetProperty("paymentIntentId").GetString(), again.GetProperty("details").GetProperty("paymentIntentId").GetString());
        AssertOneIntentWithOneKey(order.Id());
        var seenByFinance = await (await store.ClientFor(Identity.Finance).GetAsync($"/api/orders/{order.Id()}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", seenByFinance, StringComparison.OrdinalIgnoreCase);
        await (await _given.CheckoutAsync(Identity.Finance, order.Id(), new { method = "card" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Cancelling_an_order_cancels_its_open_intent_at_Stripe_after_the_commit()
    {
        var (order, _) = await PlacedOrderAsync();
        var intentId = (await (await CardAsync(order.Id())).AssertJsonAsync(HttpStatusCode.OK))
            .GetProperty("details").GetProperty("paymentIntentId").GetString()!;

        await (await store.ClientFor(Identity.Employee).PostAsync($"/api/orders/{order.Id()}/cancel", null)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("requires_payment_method", Stripe.Intent(intentId)["status"]!.GetValue<string>());
        await SendAsync(new DispatchOutboxCommand());

        Assert.Equal("canceled", Stripe.Intent(intentId)["status"]!.GetValue<string>());
        Assert.Equal("cancelled", (await _given.OrderAsync(order.Id())).Status());
    }

    [Fact]
    public async Task A_double_submitted_checkout_creates_one_intent()
    {
        var (order, _) = await PlacedOrderAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => CardAsync(order.Id())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        AssertOneIntentWithOneKey(order.Id());
    }

    [Theory]
    [InlineData(500, false)]
    [InlineData(409, false)]
    [InlineData(0, true)]
    public async Task A_failed_or_lost_first_answer_is_retried_by_Stripe_net_with_the_same_key(int status, bool dropResponse)
    {
        var (order, _) = await PlacedOrderAsync();
        Stripe.Inject(new FakeStripe.Fault("/v1/payment_intents", status, dropResponse));

        await (await CardAsync(order.Id())).AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(Stripe.IntentCreations(order.Id()).Count >= 2, "the first attempt failed, so Stripe.net retried");
        AssertOneIntentWithOneKey(order.Id());
    }

    [Fact]
    public async Task A_declined_card_leaves_the_order_unpaid_with_a_clear_error_and_does_not_trip_the_breaker()
    {
        var (order, _) = await PlacedOrderAsync();

        for (var i = 0; i < 6; i++)
        {
            var declined = await (await CardAsync(order.Id(), FakeStripe.DeclinedCard)).AssertProblemAsync((HttpStatusCode)402, "payment-failed");
            Assert.Contains("declined", declined.GetProperty("detail").GetString());
        }

        Assert.Equal("awaitingPayment", (await _given.OrderAsync(order.Id())).Status());
        var paid = await (await CardAsync(order.Id(), FakeStripe.GoodCard)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("succeeded", paid.GetProperty("details").GetProperty("status").GetString());
        AssertOneIntentWithOneKey(order.Id());
    }

    [Fact]
    public async Task When_Stripe_is_down_the_circuit_opens_checkout_fails_fast_with_503_and_recovers_afterwards()
    {
        var (order, _) = await PlacedOrderAsync();
        Stripe.Down = true;
        try
        {
            HttpResponseMessage response;
            var attempts = 0;
            do
            {
                response = await CardAsync(order.Id());
                await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "payment-provider-unavailable");
                Assert.NotNull(response.Headers.RetryAfter);
            }
            while (++attempts < 10 && !(await FailsFastAsync(order.Id())));

            Assert.True(attempts < 10, "the circuit never opened");
        }
        finally
        {
            Stripe.Down = false;
        }

        Assert.Equal("awaitingPayment", (await _given.OrderAsync(order.Id())).Status());
        Assert.Empty(Stripe.IntentsFor(order.Id()));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpResponseMessage recovered;
        do
        {
            await Task.Delay(250);
            recovered = await CardAsync(order.Id());
        }
        while (recovered.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline);
        await recovered.AssertJsonAsync(HttpStatusCode.OK);
        AssertOneIntentWithOneKey(order.Id());
    }

    /// <summary>An open circuit answers 503 without a request reaching Stripe.</summary>
    private async Task<bool> FailsFastAsync(Guid orderId)
    {
        var before = Stripe.Requests.Count;
        var response = await CardAsync(orderId);
        return response.StatusCode == HttpStatusCode.ServiceUnavailable && Stripe.Requests.Count == before;
    }

    [Fact]
    public async Task The_signed_webhook_pays_the_order_once_however_often_and_in_whatever_order_it_arrives()
    {
        var (order, _) = await PlacedOrderAsync(2);
        var before = await _given.AllowanceAsync(Identity.Employee);
        var checkout = await (await CardAsync(order.Id())).AssertJsonAsync(HttpStatusCode.OK);
        var intentId = checkout.GetProperty("details").GetProperty("paymentIntentId").GetString()!;
        Stripe.Succeed(intentId);
        var succeeded = Stripe.Intent(intentId);
        var eventId = "evt_" + Guid.NewGuid().ToString("N")[..20];

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            DeliverAsync("payment_intent.succeeded", succeeded, i == 0 ? eventId : null)));
        var duplicate = await DeliverAsync("payment_intent.succeeded", succeeded, eventId);
        var failedLate = JsonNode.Parse(succeeded.ToJsonString())!.AsObject();
        failedLate["status"] = "requires_payment_method";
        var outOfOrder = await DeliverAsync("payment_intent.payment_failed", failedLate);

        Assert.All(concurrent.Append(duplicate).Append(outOfOrder), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var paid = await _given.OrderAsync(order.Id());
        Assert.Equal("paid", paid.Status());
        Assert.Single(paid.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").GetString() == "paid");
        var after = await _given.AllowanceAsync(Identity.Employee);
        var reserved = order.GetProperty("allowanceReserved").GetDecimal();
        Assert.Equal(before.Used + reserved, after.Used);
        Assert.Contains("duplicate", (await duplicate.AssertJsonAsync(HttpStatusCode.OK)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_bad_missing_or_stale_signature_is_400_and_changes_nothing()
    {
        var (order, _) = await PlacedOrderAsync();
        var checkout = await (await CardAsync(order.Id())).AssertJsonAsync(HttpStatusCode.OK);
        var intentId = checkout.GetProperty("details").GetProperty("paymentIntentId").GetString()!;
        Stripe.Succeed(intentId);
        var intent = Stripe.Intent(intentId);

        await (await DeliverAsync("payment_intent.succeeded", intent, signature: "t=1,v1=deadbeef"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-signature");
        await (await DeliverAsync("payment_intent.succeeded", intent, at: DateTimeOffset.UtcNow.AddHours(-1)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-signature");
        var (body, _) = FakeStripe.SignedEvent("payment_intent.succeeded", intent);
        await (await store.CreateClient().PostAsync("/api/webhooks/stripe", new StringContent(body, Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-signature");
        var (_, otherSecret) = FakeStripe.SignedEvent("payment_intent.succeeded", intent, secret: "whsec_someone_else");
        await (await DeliverAsync("payment_intent.succeeded", intent, signature: otherSecret))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-signature");

        Assert.Equal("awaitingPayment", (await _given.OrderAsync(order.Id())).Status());
    }

    [Fact]
    public async Task A_payment_event_whose_amount_differs_from_the_order_is_ignored()
    {
        var (order, _) = await PlacedOrderAsync();
        var checkout = await (await CardAsync(order.Id())).AssertJsonAsync(HttpStatusCode.OK);
        var intent = JsonNode.Parse(Stripe.Intent(checkout.GetProperty("details").GetProperty("paymentIntentId").GetString()!).ToJsonString())!.AsObject();
        intent["amount"] = 1;
        intent["status"] = "succeeded";

        var receipt = await (await DeliverAsync("payment_intent.succeeded", intent)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.StartsWith("ignored", receipt.GetProperty("outcome").GetString());
        Assert.Equal("awaitingPayment", (await _given.OrderAsync(order.Id())).Status());
    }

    [Fact]
    public async Task A_crash_between_the_Stripe_call_and_the_commit_is_completed_by_the_reconciler_with_one_charge()
    {
        var (order, _) = await PlacedOrderAsync();
        store.Faults.FailNextIntentRecord();

        var crashed = await CardAsync(order.Id(), FakeStripe.GoodCard);

        Assert.Equal(HttpStatusCode.InternalServerError, crashed.StatusCode);
        Assert.Equal("succeeded", Assert.Single(Stripe.IntentsFor(order.Id()))["status"]!.GetValue<string>());
        Assert.Equal("awaitingPayment", (await _given.OrderAsync(order.Id())).Status());

        await SendAsync(new ReconcilePaymentsCommand(TimeSpan.Zero));

        Assert.Equal("paid", (await _given.OrderAsync(order.Id())).Status());
        AssertOneIntentWithOneKey(order.Id());
        await SendAsync(new ReconcilePaymentsCommand(TimeSpan.Zero));
        Assert.Single(Stripe.IntentsFor(order.Id()));
    }

    [Fact]
    public async Task A_payment_after_expiry_takes_the_stock_again_if_it_can_and_is_refunded_in_full_if_not()
    {
        var (kept, keptSku) = await PlacedOrderAsync();
        var (lost, lostSku) = await PlacedOrderAsync(2);
        var keptIntent = (await (await CardAsync(kept.Id())).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("details").GetProperty("paymentIntentId").GetString()!;
        var lostIntent = (await (await CardAsync(lost.Id())).AssertJsonAsync(HttpStatusCode.OK)).GetProperty("details").GetProperty("paymentIntentId").GetString()!;
        var later = DateTimeOffset.UtcNow.AddDays(1);
        Assert.True(await SendAsync(new ExpireOrderCommand(kept.Id(), later)));
        Assert.True(await SendAsync(new ExpireOrderCommand(lost.Id(), later)));
        var stock = await _given.StockAsync(lostSku);
        await (await store.ClientFor(Identity.Catalog).PostJsonAsync($"/api/products/{lostSku}/stock", new { delta = -stock, reason = "sold out" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var keptStock = await _given.StockAsync(keptSku);

        Stripe.Succeed(keptIntent);
        Stripe.Succeed(lostIntent);
        await (await DeliverAsync("payment_intent.succeeded", Stripe.Intent(keptIntent))).AssertJsonAsync(HttpStatusCode.OK);
        await (await DeliverAsync("payment_intent.succeeded", Stripe.Intent(lostIntent))).AssertJsonAsync(HttpStatusCode.OK);
        await SendAsync(new DispatchOutboxCommand());

        Assert.Equal("paid", (await _given.OrderAsync(kept.Id())).Status());
        Assert.Equal(keptStock - 1, await _given.StockAsync(keptSku));
        Assert.Equal("expired", (await _given.OrderAsync(lost.Id())).Status());
        var refund = Assert.Single(Stripe.RefundsFor(lostIntent));
        Assert.Equal(Stripe.Intent(lostIntent)["amount"]!.GetValue<long>(), refund["amount"]!.GetValue<long>());
        Assert.Empty(Stripe.RefundsFor(keptIntent));
    }

    [Fact]
    public async Task A_card_refund_goes_to_Stripe_once_through_the_outbox_and_never_exceeds_the_payment()
    {
        var (order, sku) = await PlacedOrderAsync(3);
        var intentId = await PaidByWebhookAsync(order.Id());
        var key = Guid.NewGuid().ToString();
        var body = new { lines = new[] { new { sku, quantity = 1 } }, reason = "arrived broken" };

        var first = await (await _given.RefundAsync(Identity.Employee, order.Id(), body, key)).AssertJsonAsync(HttpStatusCode.Created);
        await (await _given.RefundAsync(Identity.Employee, order.Id(), body, key)).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("pending", first.Status());
        Stripe.Inject(new FakeStripe.Fault("/v1/refunds", DropResponse: true));
        await SendAsync(new DispatchOutboxCommand());
        await SendAsync(new DispatchOutboxCommand());

        var made = Assert.Single(Stripe.RefundsFor(intentId));
        Assert.Equal((long)(first.GetProperty("amount").GetDecimal() * 100), made["amount"]!.GetValue<long>());
        Assert.All(Stripe.Requests.Where(r => r.Path == "/v1/refunds" && r.Form.GetValueOrDefault("payment_intent") == intentId).Take(2), r => Assert.Equal($"refund:{first.Id()}", r.IdempotencyKey));

        var rest = await (await _given.RefundAsync(Identity.Finance, order.Id(), new { reason = "returned the rest" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        await SendAsync(new DispatchOutboxCommand());
        Assert.Equal(2, Stripe.RefundsFor(intentId).Count);
        Assert.Equal(Stripe.Intent(intentId)["amount"]!.GetValue<long>(), Stripe.RefundsFor(intentId).Sum(r => r["amount"]!.GetValue<long>()));
        Assert.Equal("refunded", (await _given.OrderAsync(order.Id())).Status());
        Assert.Equal(order.GetProperty("subtotal").GetDecimal(),
            first.GetProperty("amount").GetDecimal() + rest.GetProperty("amount").GetDecimal());
        await (await _given.RefundAsync(Identity.Finance, order.Id(), new { reason = "once more" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
    }
}

public sealed class CardPaymentTestsOnSqlite(SqliteStripeStoreFactory store) : CardPaymentTests(store), IClassFixture<SqliteStripeStoreFactory>;

public sealed class CardPaymentTestsOnPostgres(PostgresStripeStoreFactory store) : CardPaymentTests(store), IClassFixture<PostgresStripeStoreFactory>;
