using System.Net;
using InternalStore.Application.Checkout;
using Microsoft.Extensions.Options;
using Stripe;

namespace InternalStore.Infrastructure.Payments;

/// <summary>Stripe through Stripe.net, with an explicit idempotency key on every call that creates or moves money.</summary>
public sealed class StripePaymentGateway(IHttpClientFactory httpClients, IOptions<StripeOptions> options) : IPaymentGateway
{
    private readonly StripeOptions _options = options.Value;
    private StripeClient? _client;

    public bool IsConfigured => _options.IsConfigured;

    private StripeClient Client => _client ??= new StripeClient(
        apiKey: _options.SecretKey ?? throw new InvalidOperationException("Stripe:SecretKey is not configured."),
        httpClient: new SystemNetHttpClient(httpClients.CreateClient(StripeResilience.HttpClientName),
            _options.MaxNetworkRetries, enableTelemetry: false),
        apiBase: string.IsNullOrWhiteSpace(_options.ApiBase) ? null : _options.ApiBase.TrimEnd('/'));

    public Task<PaymentIntentInfo> CreateIntentAsync(Guid orderId, long amountMinor, string currency,
        string idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync(async () => ToInfo(await new PaymentIntentService(Client).CreateAsync(new PaymentIntentCreateOptions
        {
            Amount = amountMinor,
            Currency = currency.ToLowerInvariant(),
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Metadata = new Dictionary<string, string> { ["order_id"] = orderId.ToString() },
            Description = $"InternalStore order {orderId}",
        }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken)));

    public Task<PaymentIntentInfo> GetIntentAsync(string intentId, CancellationToken cancellationToken) =>
        CallAsync(async () => ToInfo(await new PaymentIntentService(Client).GetAsync(intentId,
            cancellationToken: cancellationToken)));

    public Task<PaymentIntentInfo> ConfirmIntentAsync(string intentId, string paymentMethod, string idempotencyKey,
        CancellationToken cancellationToken) =>
        CallAsync(async () => ToInfo(await new PaymentIntentService(Client).ConfirmAsync(intentId,
            new PaymentIntentConfirmOptions { PaymentMethod = paymentMethod },
            new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken)));

    public Task<PaymentIntentInfo> CancelIntentAsync(string intentId, string idempotencyKey,
        CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var service = new PaymentIntentService(Client);
            var intent = await service.GetAsync(intentId, cancellationToken: cancellationToken);
            return intent.Status is "succeeded" or "canceled" or "processing"
                ? ToInfo(intent)
                : ToInfo(await service.CancelAsync(intentId, new PaymentIntentCancelOptions { CancellationReason = "abandoned" },
                    new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken));
        });

    public Task<ProviderRefund> RefundAsync(string intentId, long amountMinor, string idempotencyKey,
        CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            var refund = await new RefundService(Client).CreateAsync(new RefundCreateOptions
            {
                PaymentIntent = intentId,
                Amount = amountMinor,
            }, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
            return new ProviderRefund(refund.Id, refund.Status);
        });

    private static PaymentIntentInfo ToInfo(PaymentIntent intent) => new(intent.Id, intent.Status, intent.Amount,
        intent.Currency, intent.ClientSecret, intent.LastPaymentError?.Message);

    private async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException ex) when (ex.StripeError?.Type == "card_error")
        {
            throw new PaymentDeclinedException(ex.StripeError.Message ?? "The card was declined.");
        }
        catch (StripeException ex) when ((int)ex.HttpStatusCode >= 500 || ex.HttpStatusCode is HttpStatusCode.TooManyRequests
                                             or HttpStatusCode.Conflict)
        {
            throw new PaymentProviderUnavailableException(
                $"Stripe answered {(int)ex.HttpStatusCode}; nothing was charged twice. Try again shortly.",
                TimeSpan.FromSeconds(5), ex);
        }
        catch (Exception ex) when (StripeResilience.RetryAfter(ex, _options) is { } retryAfter)
        {
            throw new PaymentProviderUnavailableException(
                "The payment provider is not reachable right now; nothing was charged. Try again shortly.", retryAfter, ex);
        }
        catch (StripeException ex)
        {
            throw new PaymentProviderException($"Stripe refused the request: {ex.StripeError?.Message ?? ex.Message}", ex);
        }
    }
}

/// <summary>Verifies webhook signatures with Stripe.net's own code and reads the events the store acts on.</summary>
public sealed class StripeWebhookReader(IOptions<StripeOptions> options, TimeProvider clock) : IPaymentWebhookReader
{
    public PaymentEvent Read(string body, string? signatureHeader)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.WebhookSecret))
            throw new WebhookSignatureException("Stripe webhooks are not configured here (Stripe:WebhookSecret is empty).");
        if (string.IsNullOrWhiteSpace(signatureHeader))
            throw new WebhookSignatureException("The Stripe-Signature header is missing.");
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(body, signatureHeader, settings.WebhookSecret,
                settings.WebhookToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException ex)
        {
            throw new WebhookSignatureException($"The webhook is not signed by Stripe for this endpoint: {ex.Message}");
        }
        catch (Newtonsoft.Json.JsonException)
        {
            throw new WebhookSignatureException("The webhook body is not a Stripe event.");
        }

        return stripeEvent.Data?.Object switch
        {
            PaymentIntent intent => new PaymentEvent(stripeEvent.Id, stripeEvent.Type, intent.Id, OrderId(intent.Metadata),
                intent.Amount, intent.Currency, intent.LastPaymentError?.Message, []),
            Charge charge => new PaymentEvent(stripeEvent.Id, stripeEvent.Type, charge.PaymentIntentId, OrderId(charge.Metadata),
                charge.Amount, charge.Currency, null,
                charge.Refunds?.Data?.Select(r => new ProviderRefund(r.Id, r.Status)).ToList() ?? []),
            Stripe.Refund refund => new PaymentEvent(stripeEvent.Id, PaymentEvent.Refunded, refund.PaymentIntentId, null,
                refund.Amount, refund.Currency, null, [new ProviderRefund(refund.Id, refund.Status)]),
            _ => new PaymentEvent(stripeEvent.Id, stripeEvent.Type, null, null, 0, string.Empty, null, []),
        };
    }

    private static Guid? OrderId(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue("order_id", out var id) && Guid.TryParse(id, out var orderId)
            ? orderId
            : null;
}
