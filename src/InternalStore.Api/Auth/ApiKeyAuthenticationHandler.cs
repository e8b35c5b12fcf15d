using System.Security.Claims;
using System.Text.Encodings.Web;
using InternalStore.Application.Common;
using InternalStore.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Api.Auth;

/// <summary>Authenticates the external storefront by its <c>X-Api-Key</c> header.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ReadCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
            return AuthenticateResult.NoResult();

        var secret = values.ToString();
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 200)
            return AuthenticateResult.Fail("Malformed API key.");

        var hash = ApiKey.HashOf(secret);
        // Revoking a key empties this process's cache at once; other processes follow within Pricing:CacheSeconds.
        // The store is resolved only on a cache miss: a known key costs no DbContext lease.
        var key = await cache.GetOrAddAsync($"apikey:{hash}", ct => Context.RequestServices.GetRequiredService<IStoreDb>()
            .ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash)
            .Select(k => new KnownKey(k.Id, k.Name, k.RevokedAt))
            .FirstOrDefaultAsync(ct), Context.RequestAborted);
        if (key is null || key.RevokedAt is not null)
            return AuthenticateResult.Fail("Unknown or revoked API key.");

        var identity = new ClaimsIdentity(
            [
                new Claim("sub", $"apikey:{key.Id}"),
                new Claim("name", key.Name),
                new Claim("role", Roles.Storefront),
            ],
            SchemeName, "sub", "role");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

internal sealed record KnownKey(Guid Id, string Name, DateTimeOffset? RevokedAt);
