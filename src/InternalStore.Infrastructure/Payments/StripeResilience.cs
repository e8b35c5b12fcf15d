using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace InternalStore.Infrastructure.Payments;

/// <summary>
/// The HTTP client Stripe.net uses, with Polly around each attempt: a rate limiter, a circuit
/// breaker and a timeout. No retry here: Stripe.net retries with the same idempotency key, and a
/// second retry layer would multiply attempts. The breaker counts only provider trouble (5xx, 429,
/// timeouts, connection failures): a declined card (402) is the buyer's, not Stripe's.
/// </summary>
internal static class StripeResilience
{
    public const string HttpClientName = "stripe";

    public static void AddStripeHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("stripe", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<StripeOptions>>().Value;
                pipeline.AddRateLimiter(new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, options.RateLimitPerSecond),
                    Window = TimeSpan.FromSeconds(1),
                    SegmentsPerWindow = 4,
                    QueueLimit = Math.Max(1, options.RateLimitPerSecond),
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                }));
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = options.BreakerFailureRatio,
                    MinimumThroughput = Math.Max(2, options.BreakerMinimumThroughput),
                    SamplingDuration = TimeSpan.FromSeconds(Math.Max(1, options.BreakerSamplingSeconds)),
                    BreakDuration = TimeSpan.FromSeconds(Math.Max(1, options.BreakerBreakSeconds)),
                    ShouldHandle = args => ValueTask.FromResult(IsProviderTrouble(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(Math.Max(1, options.TimeoutSeconds)));
            });
    }

    private static bool IsProviderTrouble(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result is { } response
        && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests);

    /// <summary>The exception (anywhere in the chain) that says the provider cannot be used right now, and when to try again.</summary>
    public static TimeSpan? RetryAfter(Exception exception, StripeOptions options)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case BrokenCircuitException:
                    return TimeSpan.FromSeconds(options.BreakerBreakSeconds);
                case RateLimiterRejectedException limited:
                    return limited.RetryAfter ?? TimeSpan.FromSeconds(1);
                case TimeoutRejectedException or HttpRequestException:
                    return TimeSpan.FromSeconds(5);
            }
        }

        return null;
    }
}
