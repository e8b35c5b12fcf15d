using InternalStore.Application.Common;
using InternalStore.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace InternalStore.Api.Auth;

/// <summary>Authorization policy names used by the endpoints.</summary>
public static class Policies
{
    /// <summary>A person with a valid token, or the storefront with a valid key.</summary>
    public const string AnyCaller = "any-caller";

    /// <summary>Any person of the group (not the storefront).</summary>
    public const string Person = "person";

    public const string Employee = Roles.Employee;

    /// <summary>Who places orders: employees, department buyers, affiliate buyers.</summary>
    public const string Buyer = "buyer";

    /// <summary>Who negotiates a price: department buyers and affiliate buyers.</summary>
    public const string InternalBuyer = "internal-buyer";

    /// <summary>Promotions: the catalog team's public ones, HR's staff-only ones.</summary>
    public const string CatalogOrHr = "catalog-or-hr";

    /// <summary>Subscriptions: the subscriber's own, HR's of their companies.</summary>
    public const string EmployeeOrHr = "employee-or-hr";

    /// <summary>Internal services and usage: the supplying centre's provider manages, finance reads (and closes).</summary>
    public const string ServiceProvider = Roles.ServiceProvider;

    /// <summary>Reading rate cards: providers, finance and the consuming departments' buyers.</summary>
    public const string ServiceReader = "service-reader";

    /// <summary>Usage and disputes: the supplying provider and finance.</summary>
    public const string ProviderOrFinance = "provider-or-finance";

    /// <summary>A cost centre's statement: its department buyer and finance.</summary>
    public const string DepartmentOrFinance = "department-or-finance";

    /// <summary>Disputes: the disputing department, the supplying provider, finance.</summary>
    public const string DisputeParty = "dispute-party";

    public const string DepartmentBuyer = Roles.DepartmentBuyer;

    /// <summary>Help desk cases: the buyers who open them and the teams who answer (store operations, HR, finance).</summary>
    public const string CaseParty = "case-party";

    /// <summary>The help desk's teams: catalog (store operations), HR and finance.</summary>
    public const string SupportStaff = "support-staff";

    /// <summary>Who changes a payroll schedule: hr and finance.</summary>
    public const string PayrollStaff = "payroll-staff";

    /// <summary>An identity provider with a SCIM token (at /scim only).</summary>
    public const string ScimProvisioner = Roles.ScimProvisioner;

    public const string Catalog = Roles.Catalog;
    public const string Hr = Roles.Hr;
    public const string Finance = Roles.Finance;
}

public static class AuthSetup
{
    private const string SelectorScheme = "PersonOrStorefront";

    public static IServiceCollection AddStoreAuth(this IServiceCollection services, IConfiguration configuration,
        IHostEnvironment environment)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var signingKey = auth.ResolveSigningKey(environment);
        if (signingKey is null && string.IsNullOrWhiteSpace(auth.Authority))
            throw new InvalidOperationException(
                "Authentication is not configured: set Auth:Authority (OpenID Connect issuer) or Auth:SigningKey "
                + "(environment variables Auth__Authority, Auth__SigningKey). The development key is only used in Development.");
        if (signingKey is not null && signingKey.Length < 32)
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 characters.");

        services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Bearer token or storefront API key; a browser area's own cookie", options =>
                // The console's and the shop's pages are known by their cookie from the start of the
                // request, so the per-caller request budget counts a signed-in person, not their address
                // (everyone behind one proxy would otherwise share one budget). Their pages still admit
                // that cookie only (their policies name it); the API admits a token or a key only.
                options.ForwardDefaultSelector = context =>
                    context.Request.Path.StartsWithSegments(Console.BrowserArea.Console.Path) ? Console.BrowserArea.Console.CookieScheme
                    : context.Request.Path.StartsWithSegments(Console.BrowserArea.Shop.Path) ? Console.BrowserArea.Shop.CookieScheme
                    // An identity provider's SCIM token is valid at /scim and nowhere else; a person's token is not valid there.
                    : Scim.ScimEndpoints.IsScim(context.Request.Path) ? Scim.ScimAuthenticationHandler.SchemeName
                    : context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName)
                        ? ApiKeyAuthenticationHandler.SchemeName
                        : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, Scim.ScimAuthenticationHandler>(Scim.ScimAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents
                {
                    // Every person is someone: a token without a subject authenticates nobody.
                    OnTokenValidated = context =>
                    {
                        if (string.IsNullOrWhiteSpace(context.Principal?.FindFirst("sub")?.Value))
                            context.Fail("The token has no 'sub' claim.");
                        return Task.CompletedTask;
                    },
                };
                if (!string.IsNullOrWhiteSpace(auth.Authority))
                    options.Authority = auth.Authority;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = string.IsNullOrWhiteSpace(auth.Authority) ? auth.Issuer : auth.Authority,
                    ValidAudience = auth.Audience,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    IssuerSigningKey = signingKey is null ? null : TokenIssuer.SigningKeyOf(signingKey),
                    ValidAlgorithms = signingKey is null ? null : [SecurityAlgorithms.HmacSha256],
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.AnyCaller, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.Person, policy => policy.RequireRole(Roles.People))
            .AddPolicy(Policies.Employee, policy => policy.RequireRole(Roles.Employee))
            .AddPolicy(Policies.Buyer, policy => policy.RequireRole(Roles.Employee, Roles.DepartmentBuyer, Roles.AffiliateBuyer))
            .AddPolicy(Policies.InternalBuyer, policy => policy.RequireRole(Roles.DepartmentBuyer, Roles.AffiliateBuyer))
            .AddPolicy(Policies.CatalogOrHr, policy => policy.RequireRole(Roles.Catalog, Roles.Hr))
            .AddPolicy(Policies.EmployeeOrHr, policy => policy.RequireRole(Roles.Employee, Roles.Hr))
            .AddPolicy(Policies.ServiceProvider, policy => policy.RequireRole(Roles.ServiceProvider))
            .AddPolicy(Policies.ServiceReader, policy => policy.RequireRole(Roles.ServiceProvider, Roles.Finance, Roles.DepartmentBuyer))
            .AddPolicy(Policies.ProviderOrFinance, policy => policy.RequireRole(Roles.ServiceProvider, Roles.Finance))
            .AddPolicy(Policies.DepartmentOrFinance, policy => policy.RequireRole(Roles.DepartmentBuyer, Roles.Finance))
            .AddPolicy(Policies.DisputeParty, policy => policy.RequireRole(Roles.DepartmentBuyer, Roles.ServiceProvider, Roles.Finance))
            .AddPolicy(Policies.DepartmentBuyer, policy => policy.RequireRole(Roles.DepartmentBuyer))
            .AddPolicy(Policies.CaseParty, policy => policy.RequireRole(Roles.Employee, Roles.DepartmentBuyer, Roles.AffiliateBuyer,
                Roles.Catalog, Roles.Hr, Roles.Finance))
            .AddPolicy(Policies.SupportStaff, policy => policy.RequireRole(Roles.Catalog, Roles.Hr, Roles.Finance))
            .AddPolicy(Policies.PayrollStaff, policy => policy.RequireRole(Roles.Hr, Roles.Finance))
            .AddPolicy(Policies.ScimProvisioner, policy => policy
                .AddAuthenticationSchemes(Scim.ScimAuthenticationHandler.SchemeName).RequireRole(Roles.ScimProvisioner))
            .AddPolicy(Policies.Catalog, policy => policy.RequireRole(Roles.Catalog))
            .AddPolicy(Policies.Hr, policy => policy.RequireRole(Roles.Hr))
            .AddPolicy(Policies.Finance, policy => policy.RequireRole(Roles.Finance));

        return services;
    }
}
