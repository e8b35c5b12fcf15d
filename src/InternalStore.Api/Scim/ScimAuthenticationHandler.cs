using System.Security.Claims;
using System.Text.Encodings.Web;
using InternalStore.Application.Common;
using InternalStore.Application.Provisioning;
using InternalStore.Domain.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Api.Scim;

/// <summary>
/// Authenticates an identity provider at <c>/scim</c> by its SCIM token (<c>Authorization: Bearer scim_…</c>):
/// it acts as <see cref="Roles.ScimProvisioner"/> for the token's company, so the organisation's rules
/// (<c>RoleScopes</c>) give it that company and those below. The token is valid nowhere else.
/// </summary>
public sealed class ScimAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ReadCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Scim";

    /// <summary>Where the reason a token was refused waits for the 401's SCIM error (the framework keeps only successes).</summary>
    public const string FailureItem = "scim-authentication-failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Refuse("A SCIM token is sent as 'Authorization: Bearer <token>'.");
        var secret = header["Bearer ".Length..].Trim();
        if (secret.Length is 0 or > 200)
            return Refuse("The SCIM token is malformed.");

        var hash = Secret.HashOf(secret);
        // Revoking empties this process's cache at once; other processes follow within Pricing:CacheSeconds.
        var token = await cache.GetOrAddAsync($"scimtoken:{hash}", ct => Context.RequestServices.GetRequiredService<IStoreDb>()
            .ScimTokens.AsNoTracking()
            .Where(t => t.Hash == hash)
            .Select(t => new KnownScimToken(t.Prefix, t.Name, t.CompanyCode, t.RevokedAt))
            .FirstOrDefaultAsync(ct), Context.RequestAborted);
        if (token is null || token.RevokedAt is not null)
            return Refuse("The SCIM token is unknown or revoked.");

        var identity = new ClaimsIdentity(
            [
                new Claim("sub", ScimTokenCaller.SubjectOf(token.Prefix)),
                new Claim("name", token.Name),
                new Claim("role", Roles.ScimProvisioner),
                new Claim("company", token.CompanyCode),
            ],
            SchemeName, "sub", "role");
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private AuthenticateResult Refuse(string why)
    {
        Context.Items[FailureItem] = why;
        return AuthenticateResult.Fail(why);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"InternalStore SCIM\"";
        return base.HandleChallengeAsync(properties);
    }
}

internal sealed record KnownScimToken(string Prefix, string Name, string CompanyCode, DateTimeOffset? RevokedAt);
