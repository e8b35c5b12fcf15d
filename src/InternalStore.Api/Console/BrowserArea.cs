using InternalStore.Application.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace InternalStore.Api.Console;

/// <summary>
/// A part of the site people use in the browser (the console for staff, the shop for buyers): its own
/// session cookie on its own path, signed in at the company's OpenID Connect provider or, in
/// Development, as a demo person. Two cookies keep a staff session out of the shop and the reverse.
/// </summary>
public sealed record BrowserArea(string Path, string CookieScheme, string OidcScheme, string CookieName,
    Func<HttpContext, Task> WriteForbidden)
{
    public static readonly BrowserArea Console = new("/console", ConsolePolicies.Scheme, ConsolePolicies.OidcScheme,
        "internalstore-console", ConsoleErrors.WriteForbiddenAsync);

    public static readonly BrowserArea Shop = new("/shop", ShopPolicies.Scheme, ShopPolicies.OidcScheme,
        "internalstore-shop", ConsoleErrors.WriteShopForbiddenAsync);

    public string SignInPath => Path + "/sign-in";
}

/// <summary>The shop's session: buyers only (employees, department buyers, affiliate buyers).</summary>
public static class ShopPolicies
{
    public const string Scheme = "shop";
    public const string OidcScheme = "shop-oidc";
    public const string Buyer = "shop-buyer";

    public static readonly string[] BuyerRoles = [Roles.Employee, Roles.DepartmentBuyer, Roles.AffiliateBuyer];
}

public static class BrowserAreaSetup
{
    private static readonly string[] MappedClaims = ["role", "company", "cost_center", "affiliate"];

    public static void AddBrowserArea(this AuthenticationBuilder authentication, BrowserArea area, ConsoleOptions console,
        OidcOptions oidc, IServiceCollection services)
    {
        authentication.AddCookie(area.CookieScheme, options =>
        {
            options.Cookie.Name = area.CookieName;
            options.Cookie.Path = area.Path;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(console.SessionHours);
            options.SlidingExpiration = true;
            options.LoginPath = area.SignInPath;
            options.LogoutPath = area.Path + "/sign-out";
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return area.WriteForbidden(context.HttpContext);
            };
            if (oidc.Enabled && console.DemoSignIn != true)
                options.ForwardChallenge = area.OidcScheme;
        });
        if (!oidc.Enabled)
            return;

        // The provider's discovery, keys and token calls leave the process: retries, timeouts, a breaker.
        services.AddHttpClient(area.OidcScheme).AddStandardResilienceHandler();
        services.AddOptions<OpenIdConnectOptions>(area.OidcScheme)
            .Configure<IHttpClientFactory>((options, clients) => options.Backchannel = clients.CreateClient(area.OidcScheme));
        authentication.AddOpenIdConnect(area.OidcScheme, "Company sign-in", options =>
        {
            options.SignInScheme = area.CookieScheme;
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.CallbackPath = area.Path + "/signin-oidc";
            options.SignedOutCallbackPath = area.Path + "/signout-oidc";
            options.ResponseType = "code";
            // The code comes back on a top-level GET: the SameSite=Lax session and correlation
            // cookies travel with it, also over plain http on a workstation (form_post would need SameSite=None).
            options.ResponseMode = "query";
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A sign-in that did not complete (refused at the provider, stale or replayed callback)
            // is the person's to retry, not a server error.
            options.Events.OnRemoteFailure = context =>
            {
                ConsoleLog.SignInIncomplete(context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                    .CreateLogger("InternalStore.Console"), context.Failure);
                context.Response.Redirect(area.SignInPath + "?failed=true");
                context.HandleResponse();
                return Task.CompletedTask;
            };
            options.UsePkce = true;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.SaveTokens = false;
            options.TokenValidationParameters.NameClaimType = "sub";
            options.TokenValidationParameters.RoleClaimType = "role";
            // The provider's claims as the API reads them from a bearer token: sub, role, company, cost_center, affiliate.
            foreach (var claim in MappedClaims)
                options.ClaimActions.MapJsonKey(claim, claim);
        });
    }
}
