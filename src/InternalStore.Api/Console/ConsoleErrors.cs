using System.Net;

namespace InternalStore.Api.Console;

/// <summary>The console's answer to a signed-in person whose role does not open the page.</summary>
public static class ConsoleErrors
{
    public static Task WriteForbiddenAsync(HttpContext http)
    {
        var who = WebUtility.HtmlEncode(http.User.FindFirst("sub")?.Value ?? "you");
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not allowed - InternalStore console</title>
            <link rel="stylesheet" href="/console/console.css"></head>
            <body><main><h1>Not allowed</h1><p>Signed in as {who}, whose role does not open this page.
            The console is for HR, finance, catalog staff and service providers.</p>
            <p><a href="/console/sign-in">Sign in as someone else</a></p></main></body></html>
            """);
    }

    /// <summary>Staff without a buying role who open the shop: what the shop is for, and where their work is.</summary>
    public static Task WriteShopForbiddenAsync(HttpContext http)
    {
        var who = WebUtility.HtmlEncode(http.User.FindFirst("sub")?.Value ?? "you");
        var roles = WebUtility.HtmlEncode(string.Join(", ", http.User.FindAll("role").Select(r => r.Value).Distinct()));
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync($"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Not a buyer - InternalStore shop</title><link rel="stylesheet" href="/shop/shop.css"></head>
            <body><main><h1>The shop is for buyers</h1><p>Signed in as {who} ({roles}). The shop is for employees,
            department buyers and affiliate buyers; your role does not buy here.</p>
            <p>HR, finance, catalog and service providers' work is in the <a href="/console">console</a>.</p>
            <p><a href="/shop/sign-in">Sign in as someone else</a></p></main></body></html>
            """);
    }
}

internal static partial class ConsoleLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Console sign-in at the OpenID Connect provider did not complete")]
    public static partial void SignInIncomplete(ILogger logger, Exception? failure);
}
