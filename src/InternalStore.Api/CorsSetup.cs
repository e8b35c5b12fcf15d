namespace InternalStore.Api;

/// <summary>
/// A storefront served from another origin calls the API from the browser: the origins in
/// <c>Cors:AllowedOrigins</c> (none by default) may send bearer tokens or a storefront key and the
/// store's headers. Nothing is allowed with cookies: the shop and the console are same-origin pages.
/// </summary>
public static class CorsSetup
{
    public const string Section = "Cors:AllowedOrigins";

    public static IServiceCollection AddStoreCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
        return services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins([.. origins.Select(o => o.TrimEnd('/')).Where(o => o.Length > 0)])
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "X-Api-Key", "Accept")
            .WithExposedHeaders("Location", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }
}
