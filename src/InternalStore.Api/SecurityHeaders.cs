namespace InternalStore.Api;

/// <summary>
/// Headers that keep browsers from misusing the API's answers: no MIME sniffing, no referrer, no
/// framing, no caching of what an authenticated caller was shown. The interactive docs (/scalar)
/// run scripts of their own, so the strict content policy is for everything else.
/// </summary>
public static class SecurityHeaders
{
    /// <param name="signInOrigin">The OpenID Connect provider's origin, to which console sign-in forms redirect.</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInOrigin = null)
    {
        // The console is plain HTML: its own stylesheet, inline SVG charts, forms posting to itself.
        var consolePolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
            + $"form-action 'self'{(signInOrigin is null ? "" : " " + signInOrigin)}; frame-ancestors 'none'";
        return app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            var console = context.Request.Path.StartsWithSegments("/console");
            if (console)
                headers.ContentSecurityPolicy = consolePolicy;
            else if (!context.Request.Path.StartsWithSegments("/scalar"))
                headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            if (context.Request.Path.StartsWithSegments("/api") || (console && !context.Request.Path.Value!.EndsWith(".css", StringComparison.Ordinal)))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(context);
    });
    }
}
