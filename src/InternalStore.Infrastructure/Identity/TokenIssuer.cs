using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InternalStore.Infrastructure.Identity;

public sealed record TokenRequest(
    string Subject,
    IReadOnlyList<string> Roles,
    string? Company = null,
    string? CostCenter = null,
    string? Affiliate = null,
    string? Name = null,
    TimeSpan? Lifetime = null);

/// <summary>Mints bearer tokens with the claims of docs/api.md, signed with the configured symmetric key.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    public string Issue(TokenRequest request)
    {
        var auth = options.Value;
        var key = auth.ResolveSigningKey(environment) ?? throw new InvalidOperationException(
            "No signing key: set Auth:SigningKey (environment variable Auth__SigningKey).");

        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, request.Subject) };
        claims.AddRange(request.Roles.Select(r => new Claim("role", r)));
        if (request.Company is not null) claims.Add(new Claim("company", request.Company));
        if (request.CostCenter is not null) claims.Add(new Claim("cost_center", request.CostCenter));
        if (request.Affiliate is not null) claims.Add(new Claim("affiliate", request.Affiliate));
        if (request.Name is not null) claims.Add(new Claim("name", request.Name));

        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (request.Lifetime ?? TimeSpan.FromMinutes(auth.TokenLifetimeMinutes)),
            SigningCredentials = new SigningCredentials(SigningKeyOf(key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public static SymmetricSecurityKey SigningKeyOf(string key) => new(Encoding.UTF8.GetBytes(key));
}
