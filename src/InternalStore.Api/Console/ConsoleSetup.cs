using System.Security.Claims;
using InternalStore.Application.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;

namespace InternalStore.Api.Console;

/// <summary>Settings of the browser console (<c>Console</c> and <c>Auth:Oidc</c> sections).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>Offer the demo identities on the sign-in page. Default: on in Development only.</summary>
    public bool? DemoSignIn { get; set; }

    /// <summary>Hours a console session lasts without activity.</summary>
    public int SessionHours { get; set; } = 8;
}

/// <summary>The company's OpenID Connect provider for console sign-in (<c>Auth:Oidc</c>).</summary>
public sealed class OidcOptions
{
    public const string Section = "Auth:Oidc";

    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Allow an http:// authority (a provider on the same machine, tests).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The provider's origin (scheme, host, port), or null when not configured.</summary>
    public string? Origin => Enabled && Uri.TryCreate(Authority, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>Console policies: the cookie scheme (never a bearer token) and the role of each area.</summary>
public static class ConsolePolicies
{
    public const string Scheme = "console";
    public const string OidcScheme = "console-oidc";
    public const string Staff = "console-staff";
    public const string Hr = "console-hr";
    public const string Finance = "console-finance";
    public const string Catalog = "console-catalog";

    public static readonly string[] StaffRoles = [Roles.Hr, Roles.Finance, Roles.Catalog];
}

public static class ConsoleSetup
{
    private static readonly string[] MappedClaims = ["role", "company", "cost_center", "affiliate"];

    public static IServiceCollection AddStoreConsole(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var console = configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        console.DemoSignIn ??= environment.IsDevelopment();
        services.AddSingleton(console);
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        services.AddSingleton(oidc);

        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Console", ConsolePolicies.Staff);
            options.Conventions.AuthorizeFolder("/Console/Hr", ConsolePolicies.Hr);
            options.Conventions.AuthorizeFolder("/Console/Finance", ConsolePolicies.Finance);
            options.Conventions.AuthorizeFolder("/Console/Catalog", ConsolePolicies.Catalog);
            options.Conventions.AllowAnonymousToPage("/Console/SignIn");
        });

        var authentication = services.AddAuthentication().AddCookie(ConsolePolicies.Scheme, options =>
        {
            options.Cookie.Name = "internalstore-console";
            options.Cookie.Path = "/console";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(console.SessionHours);
            options.SlidingExpiration = true;
            options.LoginPath = "/console/sign-in";
            options.LogoutPath = "/console/sign-out";
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return ConsoleErrors.WriteForbiddenAsync(context.HttpContext);
            };
            if (oidc.Enabled && console.DemoSignIn != true)
                options.ForwardChallenge = ConsolePolicies.OidcScheme;
        });
        if (oidc.Enabled)
        {
            // The provider's discovery, keys and token calls leave the process: retries, timeouts, a breaker.
            services.AddHttpClient(ConsolePolicies.OidcScheme).AddStandardResilienceHandler();
            services.AddOptions<OpenIdConnectOptions>(ConsolePolicies.OidcScheme)
                .Configure<IHttpClientFactory>((options, clients) => options.Backchannel = clients.CreateClient(ConsolePolicies.OidcScheme));
            authentication.AddOpenIdConnect(ConsolePolicies.OidcScheme, "Company sign-in", options =>
            {
                options.SignInScheme = ConsolePolicies.Scheme;
                options.Authority = oidc.Authority;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
                options.CallbackPath = "/console/signin-oidc";
                options.SignedOutCallbackPath = "/console/signout-oidc";
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
                    context.Response.Redirect("/console/sign-in?failed=true");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                options.UsePkce = true;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = true;
                options.SaveTokens = false;
                options.TokenValidationParameters.NameClaimType = "sub";
                options.TokenValidationParameters.RoleClaimType = "role";
                // The provider's claims as the API reads them from a bearer token: sub, role, company, cost_center.
                foreach (var claim in MappedClaims)
                    options.ClaimActions.MapJsonKey(claim, claim);
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(ConsolePolicies.Staff, policy => policy.AddAuthenticationSchemes(ConsolePolicies.Scheme)
                .RequireClaim("sub").RequireRole(ConsolePolicies.StaffRoles))
            .AddPolicy(ConsolePolicies.Hr, policy => policy.AddAuthenticationSchemes(ConsolePolicies.Scheme).RequireRole(Roles.Hr))
            .AddPolicy(ConsolePolicies.Finance, policy => policy.AddAuthenticationSchemes(ConsolePolicies.Scheme).RequireRole(Roles.Finance))
            .AddPolicy(ConsolePolicies.Catalog, policy => policy.AddAuthenticationSchemes(ConsolePolicies.Scheme).RequireRole(Roles.Catalog));
        return services;
    }

    /// <summary>A console session's principal, with the claims a bearer token of the same person carries.</summary>
    public static ClaimsPrincipal Principal(string subject, IEnumerable<string> roles, string? company, string? costCenter)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        if (company is not null) claims.Add(new Claim("company", company));
        if (costCenter is not null) claims.Add(new Claim("cost_center", costCenter));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, ConsolePolicies.Scheme, "sub", "role"));
    }
}
