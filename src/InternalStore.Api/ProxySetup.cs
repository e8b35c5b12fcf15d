using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace InternalStore.Api;

/// <summary>
/// Behind a reverse proxy (docs/deploy.md) the app sees the proxy's connection: X-Forwarded-For and X-Forwarded-Proto,
/// from a trusted proxy only, give back the client's address (rate limits per client) and scheme (secure cookies,
/// absolute redirects). Trusted: loopback, and the addresses and networks of <c>Proxy:KnownProxies</c> and
/// <c>Proxy:KnownNetworks</c> (comma-separated, e.g. <c>10.0.0.5</c>, <c>10.0.0.0/24</c>). A header from anyone else is ignored.
/// </summary>
public static class ProxySetup
{
    public const string Section = "Proxy";

    public static IServiceCollection AddStoreProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration[$"{Section}:KnownProxies"]);
        var networks = List(configuration[$"{Section}:KnownNetworks"]);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"Proxy:KnownProxies: '{proxy}' is not an IP address."));
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"Proxy:KnownNetworks: '{network}' is not a network like 10.0.0.0/24."));
        });
        return services;
    }

    private static string[] List(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
