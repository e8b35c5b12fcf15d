using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>
/// A Stripe-compatible HTTP server on 127.0.0.1 (random port) for the endpoints the store uses:
/// create, retrieve, confirm and cancel PaymentIntents, create refunds. Like Stripe, it stores the
/// response of each idempotency key and replays it (a concurrent request with a key in flight gets
/// 409), and it can inject faults: error statuses, dropped responses (the work is done, the
/// connection is cut), delays, or being down altogether.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake_internalstore";
    public const string WebhookSecret = "whsec_test_internalstore";
    public const string DeclinedCard = "pm_card_chargeDeclined";
    public const string GoodCard = "pm_card_visa";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _intents = new();
    private readonly ConcurrentDictionary<string, JsonObject> _refunds = new();
    private readonly ConcurrentDictionary<string, (string Fingerprint, int Status, string Body)> _replays = new();
    private readonly ConcurrentDictionary<string, byte> _inFlight = new();
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly object _gate = new();

    private FakeStripe(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request that reached the server, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When set, every request gets 503, as in an outage.</summary>
    public bool Down { get; set; }

    public sealed record RecordedRequest(string Method, string Path, string? IdempotencyKey, IReadOnlyDictionary<string, string> Form);

    /// <summary>A fault for the next request whose path contains <paramref name="PathContains"/>.</summary>
    public sealed record Fault(string PathContains, int Status = 0, bool DropResponse = false, int DelayMs = 0);

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripe(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    public void Inject(Fault fault) => _faults.Enqueue(fault);

    public void ClearFaults() => _faults.Clear();

    public IReadOnlyList<RecordedRequest> IntentCreations(Guid orderId) => Requests
        .Where(r => r.Method == "POST" && r.Path == "/v1/payment_intents"
                    && r.Form.GetValueOrDefault("metadata[order_id]") == orderId.ToString())
        .ToList();

    public IReadOnlyList<JsonObject> IntentsFor(Guid orderId) => _intents.Values
        .Where(i => i["metadata"]?["order_id"]?.GetValue<string>() == orderId.ToString()).ToList();

    public IReadOnlyList<JsonObject> RefundsFor(string intentId) => _refunds.Values
        .Where(r => r["payment_intent"]?.GetValue<string>() == intentId).ToList();

    public JsonObject Intent(string id) => _intents[id];

    /// <summary>What Stripe.js does when the buyer confirms with a good card.</summary>
    public void Succeed(string intentId)
    {
        lock (_gate)
            _intents[intentId]["status"] = "succeeded";
    }

    /// <summary>A signed webhook request body and its Stripe-Signature header, as Stripe sends them.</summary>
    public static (string Body, string Signature) SignedEvent(string type, JsonObject dataObject, string? eventId = null,
        DateTimeOffset? at = null, string secret = WebhookSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds();
        var body = new JsonObject
        {
            ["id"] = eventId ?? "evt_" + Guid.NewGuid().ToString("N")[..24],
            ["object"] = "event",
            ["api_version"] = "2025-10-29.clover",
            ["created"] = timestamp,
            ["type"] = type,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["data"] = new JsonObject { ["object"] = JsonNode.Parse(dataObject.ToJsonString()) },
        }.ToJsonString();
        return (body, Sign(body, timestamp, secret));
    }

    public static string Sign(string body, long timestamp, string secret = WebhookSecret)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{body}"));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    private async Task HandleAsync(HttpContext http)
    {
        var form = http.Request.HasFormContentType
            ? (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString())
            : new Dictionary<string, string>();
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var path = http.Request.Path.Value ?? "";
        Requests.Enqueue(new RecordedRequest(http.Request.Method, path, key, form));

        if (Down)
        {
            await WriteAsync(http, 503, Error("api_error", "Stripe is down (fake outage)."));
            return;
        }

        var fault = NextFault(path);
        if (fault?.DelayMs > 0)
            await Task.Delay(fault.DelayMs);
        if (fault?.Status > 0)
        {
            await WriteAsync(http, fault.Status, Error(fault.Status == 402 ? "card_error" : "api_error",
                $"Injected {fault.Status}."));
            return;
        }

        int status;
        string body;
        if (http.Request.Method == "POST" && key is not null)
        {
            var fingerprint = http.Request.Method + path + string.Join('&', form.OrderBy(f => f.Key).Select(f => $"{f.Key}={f.Value}"));
            if (_replays.TryGetValue(key, out var stored))
            {
                (status, body) = stored.Fingerprint == fingerprint
                    ? (stored.Status, stored.Body)
                    : (400, Error("idempotency_error", "Keys for idempotent requests can only be used with the same parameters."));
            }
            else if (!_inFlight.TryAdd(key, 0))
            {
                (status, body) = (409, Error("idempotency_error", "There is currently another in-progress request using this Idempotent Key."));
            }
            else
            {
                try
                {
                    (status, body) = Execute(http.Request.Method, path, form);
                    _replays[key] = (fingerprint, status, body);
                }
                finally
                {
                    _inFlight.TryRemove(key, out _);
                }
            }
        }
        else
        {
            (status, body) = Execute(http.Request.Method, path, form);
        }

        if (fault?.DropResponse == true)
        {
            http.Abort();
            return;
        }

        await WriteAsync(http, status, body);
    }

    private Fault? NextFault(string path)
    {
        lock (_gate)
        {
            if (_faults.TryPeek(out var next) && path.Contains(next.PathContains, StringComparison.Ordinal))
                return _faults.TryDequeue(out var taken) ? taken : null;
            return null;
        }
    }

    private (int Status, string Body) Execute(string method, string path, Dictionary<string, string> form)
    {
        lock (_gate)
        {
            var parts = path.Trim('/').Split('/');
            return (method, parts) switch
            {
                ("POST", ["v1", "payment_intents"]) => CreateIntent(form),
                ("GET", ["v1", "payment_intents", var id]) => _intents.TryGetValue(id, out var intent)
                    ? (200, intent.ToJsonString())
                    : Missing(id),
                ("POST", ["v1", "payment_intents", var id, "confirm"]) => Confirm(id, form),
                ("POST", ["v1", "payment_intents", var id, "cancel"]) => Cancel(id),
                ("POST", ["v1", "refunds"]) => CreateRefund(form),
                _ => (404, Error("invalid_request_error", $"Unrecognized request URL ({method}: {path}).")),
            };
        }
    }

    private (int, string) CreateIntent(Dictionary<string, string> form)
    {
        var id = "pi_" + Guid.NewGuid().ToString("N")[..24];
        var intent = new JsonObject
        {
            ["id"] = id,
            ["object"] = "payment_intent",
            ["amount"] = long.Parse(form["amount"], CultureInfo.InvariantCulture),
            ["amount_received"] = 0,
            ["currency"] = form["currency"],
            ["status"] = "requires_payment_method",
            ["client_secret"] = $"{id}_secret_{Guid.NewGuid():N}",
            ["livemode"] = false,
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["metadata"] = new JsonObject(form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                .Select(f => KeyValuePair.Create(f.Key[9..^1], (JsonNode?)f.Value))),
        };
        _intents[id] = intent;
        return (200, intent.ToJsonString());
    }

    private (int, string) Confirm(string id, Dictionary<string, string> form)
    {
        if (!_intents.TryGetValue(id, out var intent))
            return Missing(id);
        if (form.GetValueOrDefault("payment_method") == DeclinedCard)
        {
            intent["status"] = "requires_payment_method";
            intent["last_payment_error"] = new JsonObject
            {
                ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "generic_decline",
                ["message"] = "Your card was declined.",
            };
            return (402, new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["type"] = "card_error", ["code"] = "card_declined", ["decline_code"] = "generic_decline",
                    ["message"] = "Your card was declined.",
                },
            }.ToJsonString());
        }

        intent["status"] = "succeeded";
        intent["amount_received"] = intent["amount"]!.GetValue<long>();
        return (200, intent.ToJsonString());
    }

    private (int, string) Cancel(string id)
    {
        if (!_intents.TryGetValue(id, out var intent))
            return Missing(id);
        intent["status"] = "canceled";
        return (200, intent.ToJsonString());
    }

    private (int, string) CreateRefund(Dictionary<string, string> form)
    {
        var intentId = form.GetValueOrDefault("payment_intent") ?? "";
        if (!_intents.TryGetValue(intentId, out var intent) || intent["status"]!.GetValue<string>() != "succeeded")
            return (400, Error("invalid_request_error", $"PaymentIntent {intentId} has no successful charge to refund."));
        var amount = long.Parse(form.GetValueOrDefault("amount") ?? intent["amount"]!.ToString(), CultureInfo.InvariantCulture);
        var refunded = RefundsFor(intentId).Sum(r => r["amount"]!.GetValue<long>());
        if (refunded + amount > intent["amount"]!.GetValue<long>())
            return (400, Error("invalid_request_error",
                $"Refund amount ({amount}) is greater than unrefunded amount on charge ({intent["amount"]!.GetValue<long>() - refunded})."));
        var refund = new JsonObject
        {
            ["id"] = "re_" + Guid.NewGuid().ToString("N")[..24],
            ["object"] = "refund",
            ["amount"] = amount,
            ["currency"] = intent["currency"]!.GetValue<string>(),
            ["payment_intent"] = intentId,
            ["status"] = "succeeded",
        };
        _refunds[refund["id"]!.GetValue<string>()] = refund;
        return (200, refund.ToJsonString());
    }

    private static (int, string) Missing(string id) =>
        (404, Error("invalid_request_error", $"No such payment_intent: '{id}'"));

    private static string Error(string type, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["type"] = type, ["message"] = message } }.ToJsonString();

    private static async Task WriteAsync(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
