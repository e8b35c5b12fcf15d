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
    public const string ServiceProvider = "console-service-provider";
    public const string SupportStaff = "console-support-staff";

    public static readonly string[] StaffRoles = [Roles.Hr, Roles.Finance, Roles.Catalog, Roles.ServiceProvider];
}

public static class ConsoleSetup
{
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
            options.Conventions.AuthorizeFolder("/Console/Services", ConsolePolicies.ServiceProvider);
            options.Conventions.AuthorizeFolder("/Console/Support", ConsolePolicies.SupportStaff);
            options.Conventions.AllowAnonymousToPage("/Console/SignIn");
            options.Conventions.AuthorizeFolder("/Shop", ShopPolicies.Buyer);
            options.Conventions.AllowAnonymousToPage("/Shop/SignIn");
        });

        var authentication = services.AddAuthentication();
        authentication.AddBrowserArea(BrowserArea.Console, console, oidc, services);
        authentication.AddBrowserArea(BrowserArea.Shop, console, oidc, services);

        services.AddAuthorizationBuilder()
            .AddPolicy(ConsolePolicies.Staff, policy => policy.AddAuthenticationSchemes(ConsolePolicies.Scheme)
                .RequireClaim("sub").RequireRole(ConsolePolicies.StaffRoles))
            .AddPolicy(ConsolePolicies.Hr, policy => policy.AddAuthenticationSchemes(ConsolePolicies.Scheme).RequireRole(Roles.Hr))
            .AddPolicy(ConsolePolicies.Finance, policy => policy.AddAuthenticationSchemes(ConsolePolicies.Scheme).RequireRole(Roles.Finance))
            .AddPolicy(ConsolePolicies.Catalog, policy => policy.AddAuthenticationSchemes(ConsolePolicies.Scheme).RequireRole(Roles.Catalog))
            .AddPolicy(ConsolePolicies.ServiceProvider, policy => policy.AddAuthenticationSchemes(ConsolePolicies.Scheme)
                .RequireRole(Roles.ServiceProvider))
            .AddPolicy(ConsolePolicies.SupportStaff, policy => policy.AddAuthenticationSchemes(ConsolePolicies.Scheme)
                .RequireRole(Roles.Catalog, Roles.Hr, Roles.Finance))
            .AddPolicy(ShopPolicies.Buyer, policy => policy.AddAuthenticationSchemes(ShopPolicies.Scheme)
                .RequireClaim("sub").RequireRole(ShopPolicies.BuyerRoles));
        return services;
    }

    /// <summary>A console or shop session's principal, with the claims a bearer token of the same person carries.</summary>
    public static ClaimsPrincipal Principal(string subject, IEnumerable<string> roles, string? company, string? costCenter,
        string? affiliate = null, string scheme = ConsolePolicies.Scheme)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        if (company is not null) claims.Add(new Claim("company", company));
        if (costCenter is not null) claims.Add(new Claim("cost_center", costCenter));
        if (affiliate is not null) claims.Add(new Claim("affiliate", affiliate));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, "sub", "role"));
    }
}
