using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace InternalStore.Api;

public static class RequestLimits
{
    /// <summary>1 MiB: a 500-line cart is about 25 KB; anything far larger is a mistake or an attack.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Refuses larger bodies with 413 problem details before any handler reads them. Kestrel enforces
    /// the same limit on streamed bodies without a Content-Length.
    /// </summary>
    /// <summary>Roster files: 100 000 employees are about 10 MB.</summary>
    public const long MaxImportBytes = 64L * 1024 * 1024;

    /// <remarks>An endpoint may allow more with <see cref="Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute"/> metadata.</remarks>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var allowed = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                      ?? MaxBodyBytes;
        if (context.Request.ContentLength > allowed)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = allowed;
        await next(context);
    });
}
