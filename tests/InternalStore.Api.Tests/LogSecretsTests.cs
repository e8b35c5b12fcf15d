using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using InternalStore.Api.Tests.Checkout;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Access;
using InternalStore.Application.Checkout;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InternalStore.Api.Tests;

/// <summary>The store with every log line of every category captured, at Trace level.</summary>
public sealed class LoggedStoreFactory : SqliteStoreFactory
{
    public LogCapture Logs { get; } = new();

    protected override bool WithStripe => true;

    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Trace",
            ["Logging:LogLevel:System.Net.Http"] = "Trace",
        };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }
}

/// <summary>
/// Secrets and personal data stay out of the logs: a workload that touches every secret the store
/// holds or hands out (signing key, Stripe keys, webhook signatures, a card's client secret, a
/// storefront key, bearer tokens, forged ones too) and personal data (roster names and emails, unit
/// costs), after which no captured line, at any level, contains any of them.
/// </summary>
public sealed class LogSecretsTests(LoggedStoreFactory store) : IClassFixture<LoggedStoreFactory>
{
    [Fact]
    public async Task No_log_line_holds_a_secret_a_token_a_cost_or_a_person_s_name()
    {
        var given = new CheckoutScenario(store);
        var secrets = new List<string> { StoreFactory.SigningKey, FakeStripe.SecretKey, FakeStripe.WebhookSecret };

        // Catalog: a product with a recognisable unit cost.
        var sku = await given.NewProductAsync(stock: 10, listPrice: 19_999.99m, unitCost: 9_876.54m);
        secrets.Add("9876.54");

        // A card payment: checkout (client secret), the signed webhook, a refund through the outbox.
        var order = await given.PlaceAsync(Identity.Employee, (sku, 1));
        var checkout = await (await given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "card" })).AssertJsonAsync(HttpStatusCode.OK);
        var card = checkout.GetProperty("details");
        var intentId = card.GetProperty("paymentIntentId").GetString()!;
        secrets.Add(card.GetProperty("clientSecret").GetString()!);
        store.Stripe.Succeed(intentId);
        var (body, signature) = FakeStripe.SignedEvent("payment_intent.succeeded", store.Stripe.Intent(intentId));
        secrets.Add(signature[(signature.IndexOf("v1=", StringComparison.Ordinal) + 3)..]);
        using (var webhook = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") })
        {
            webhook.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
            (await store.CreateClient().SendAsync(webhook)).EnsureSuccessStatusCode();
        }

        using (var forged = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe") { Content = new StringContent(body, Encoding.UTF8, "application/json") })
        {
            forged.Headers.TryAddWithoutValidation("Stripe-Signature", FakeStripe.Sign(body, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "whsec_wrong"));
            Assert.Equal(HttpStatusCode.BadRequest, (await store.CreateClient().SendAsync(forged)).StatusCode);
        }

        (await given.RefundAsync(Identity.Finance, order.Id(), new { reason = "log test" })).EnsureSuccessStatusCode();
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            await sender.Send(new DispatchOutboxCommand());
            // A storefront key, used once.
            var key = (await sender.Send(new CreateApiKeyCommand("log test"))).Secret;
            secrets.Add(key);
            (await store.ClientWithApiKey(key).PostJsonAsync("/api/quotes", new { lines = new[] { new { sku, quantity = 1 } } })).EnsureSuccessStatusCode();
        }

        // Bearer tokens, valid and forged, and a roster with names and emails.
        secrets.Add(store.Token(Identity.Employee));
        secrets.Add(store.Token(Identity.Hr));
        using (var forgedToken = store.CreateClient())
        {
            var token = store.Token(Identity.Finance);
            var tampered = token[..^6] + "AAAAAA";
            secrets.Add(tampered);
            forgedToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tampered);
            Assert.Equal(HttpStatusCode.Unauthorized, (await forgedToken.GetAsync("/api/finance/invoices")).StatusCode);
        }

        var person = "Zelda Quintanilla-Okonkwo";
        var email = "zelda.q.okonkwo@abc.example";
        secrets.AddRange([person, email]);
        var roster = $"id,name,email,company,costCenter,grade,hireDate,status,terminationDate\nZQ0001,{person},{email},ABC,CC-1000,3,2022-02-02,active,\nZQ0002,{person} Jr,not-an-email,ABC,CC-1000,3,2022-02-02,active,\n";
        using (var hr = store.ClientFor(Identity.Hr))
        {
            var bad = await hr.PostAsync("/api/employees/import", new StringContent(roster, Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            (await hr.PostAsync("/api/employees/import?skipInvalid=true", new StringContent(roster, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
            (await hr.PutAsync("/api/employees/ZQ0001", JsonContent(new JsonObject
            {
                ["name"] = person, ["email"] = "zelda.new@abc.example", ["costCenter"] = "CC-1000", ["grade"] = 4, ["status"] = "active",
                ["hireDate"] = "2022-02-02",
            }))).EnsureSuccessStatusCode();
            secrets.Add("zelda.new@abc.example");
        }

        var lines = store.Logs.Lines.ToList();
        Assert.True(lines.Count > 100, $"only {lines.Count} log lines were captured");
        Assert.Contains(lines, l => l.Contains("CheckoutOrderCommand", StringComparison.Ordinal));
        var leaks = secrets.SelectMany(secret => lines.Where(l => l.Contains(secret, StringComparison.Ordinal))
            .Select(l => $"{secret[..Math.Min(12, secret.Length)]}... in: {l[..Math.Min(300, l.Length)]}")).ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks.Take(10)));
    }

    private static StringContent JsonContent(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}
