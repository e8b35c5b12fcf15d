using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InternalStore.Api;

/// <summary>
/// Requests per caller per minute (<c>RateLimiting:PermitsPerMinute</c>; 0 turns it off): a person
/// by token subject (or the console or shop session's), a storefront by key, anyone else by address. Over the limit: 429 problem
/// details with Retry-After. Health probes and Stripe's signed webhooks are not limited.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddStoreRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimiting:PermitsPerMinute", 1200);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (permits <= 0 || context.Request.Path.StartsWithSegments("/health")
                                 || context.Request.Path.StartsWithSegments("/api/webhooks"))
                    return RateLimitPartition.GetNoLimiter("unlimited");
                var caller = context.User.FindFirst("sub")?.Value
                             ?? "ip:" + context.Connection.RemoteIpAddress?.ToString();
                return RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"At most {permits} requests per minute per caller; try again after the Retry-After seconds.",
                    },
                });
            };
        });
        return services;
    }
}
