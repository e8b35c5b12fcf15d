namespace InternalStore.Api;

/// <summary>
/// Headers that keep browsers from misusing the API's answers: no MIME sniffing, no referrer, no
/// framing, no caching of what an authenticated caller was shown. The interactive docs (/scalar)
/// run scripts of their own, so the strict content policy is for everything else.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Set in <see cref="HttpContext.Items"/> by the shop's card page: Stripe.js may run there.</summary>
    public const string PaymentPage = "internalstore:payment-page";

    /// <param name="signInOrigin">The OpenID Connect provider's origin, to which sign-in forms redirect.</param>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string? signInOrigin = null)
    {
        // The console and the shop are plain HTML: their own stylesheet, inline SVG charts, forms posting to themselves.
        var formAction = $"form-action 'self'{(signInOrigin is null ? "" : " " + signInOrigin)}";
        var pagePolicy = $"default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; {formAction}; frame-ancestors 'none'";
        // The card page adds Stripe.js: its script, its frames and its API, as Stripe documents for the Payment Element.
        var paymentPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data: https://*.stripe.com; base-uri 'none'; "
            + "script-src 'self' https://js.stripe.com https://*.js.stripe.com; frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com; "
            + $"connect-src https://api.stripe.com; {formAction}; frame-ancestors 'none'";
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                var path = context.Request.Path;
                var page = path.StartsWithSegments("/console") || path.StartsWithSegments("/shop");
                if (page)
                    headers.ContentSecurityPolicy = context.Items.ContainsKey(PaymentPage) ? paymentPolicy : pagePolicy;
                else if (!path.StartsWithSegments("/scalar"))
                    headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                var asset = path.Value!.EndsWith(".css", StringComparison.Ordinal) || path.Value.EndsWith(".js", StringComparison.Ordinal);
                if (path.StartsWithSegments("/api") || (page && !asset))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
