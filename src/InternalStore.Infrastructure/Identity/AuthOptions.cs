using Microsoft.Extensions.Hosting;

namespace InternalStore.Infrastructure.Identity;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Used only in the Development environment when no key is configured, so that the demo and the
    /// CLI's <c>token</c> command work out of the box. Never accepted anywhere else.
    /// </summary>
    public const string DevelopmentSigningKey = "internalstore-development-signing-key-do-not-use-in-production";

    /// <summary>OpenID Connect authority of the company identity provider; when set, its keys validate tokens.</summary>
    public string? Authority { get; set; }

    /// <summary>Symmetric HMAC-SHA256 key (at least 32 bytes) for tokens minted by the CLI or a trusted issuer.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "internalstore";

    public string Audience { get; set; } = "internalstore";

    /// <summary>Lifetime of tokens minted by <c>internalstore token</c>.</summary>
    public int TokenLifetimeMinutes { get; set; } = 480;

    public string? ResolveSigningKey(IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(SigningKey))
            return SigningKey;
        return environment.IsDevelopment() ? DevelopmentSigningKey : null;
    }
}
