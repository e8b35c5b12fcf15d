using Microsoft.AspNetCore.Http.Features;

namespace InternalStore.Api;

public static class RequestLimits
{
    /// <summary>1 MiB: a 500-line cart is about 25 KB; anything far larger is a mistake or an attack.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Refuses larger bodies with 413 problem details before any handler reads them. Kestrel enforces
    /// the same limit on streamed bodies without a Content-Length.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        await next(context);
    });
}
