using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InternalStore.Api.Tests.Console;

/// <summary>
/// A company identity provider on 127.0.0.1 speaking enough OpenID Connect for the console:
/// discovery, keys, an authorize endpoint that signs in <see cref="NextUser"/> at once, a token
/// endpoint that checks the client secret and PKCE and issues an RS256 ID token, and user info.
/// </summary>
public sealed class FakeOidcProvider : IAsyncDisposable
{
    public const string ClientId = "internalstore-console";
    public const string ClientSecret = "console-secret";

    private static readonly string[] Code = ["code"], Public = ["public"], Rs256 = ["RS256"], S256 = ["S256"];

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, Dictionary<string, object>> _accessTokens = new();

    private sealed record Grant(Dictionary<string, object> Claims, string Nonce, string Challenge, string RedirectUri);

    private FakeOidcProvider(WebApplication app) => _app = app;

    public string Authority { get; private set; } = "";

    /// <summary>The claims of whoever signs in next (sub, role, company, ...).</summary>
    public Dictionary<string, object> NextUser { get; set; } = new() { ["sub"] = "H7777", ["role"] = "hr", ["company"] = "ABC" };

    public ConcurrentQueue<string> TokenRequests { get; } = new();

    public static async Task<FakeOidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeOidcProvider(app);
        app.MapGet("/.well-known/openid-configuration", fake.Discovery);
        app.MapGet("/jwks", fake.Keys);
        app.MapGet("/authorize", fake.Authorize);
        app.MapPost("/token", fake.TokenAsync);
        app.MapGet("/userinfo", fake.UserInfo);
        await app.StartAsync();
        fake.Authority = app.Urls.First();
        return fake;
    }

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["authorization_endpoint"] = $"{Authority}/authorize",
        ["token_endpoint"] = $"{Authority}/token",
        ["userinfo_endpoint"] = $"{Authority}/userinfo",
        ["jwks_uri"] = $"{Authority}/jwks",
        ["response_types_supported"] = Code,
        ["subject_types_supported"] = Public,
        ["id_token_signing_alg_values_supported"] = Rs256,
        ["code_challenge_methods_supported"] = S256,
    });

    private IResult Keys()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
        return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
    }

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        if (query["client_id"] != ClientId || query["response_type"] != "code" || query["code_challenge_method"] != "S256")
            return Results.BadRequest("unexpected authorization request");
        var code = Guid.NewGuid().ToString("N");
        _codes[code] = new Grant(new Dictionary<string, object>(NextUser), query["nonce"]!, query["code_challenge"]!, query["redirect_uri"]!);
        return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query["state"]!)}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        TokenRequests.Enqueue(form["grant_type"]!);
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        if (!_codes.TryRemove(form["code"]!, out var grant) || grant.RedirectUri != form["redirect_uri"])
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        var verifier = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"]!)));
        if (verifier != grant.Challenge)
            return Results.Json(new { error = "invalid_grant", error_description = "PKCE" }, statusCode: 400);

        var claims = new Dictionary<string, object>(grant.Claims) { ["nonce"] = grant.Nonce };
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        var accessToken = Guid.NewGuid().ToString("N");
        _accessTokens[accessToken] = grant.Claims;
        return Results.Json(new { id_token = idToken, access_token = accessToken, token_type = "Bearer", expires_in = 300 });
    }

    private IResult UserInfo(HttpRequest request)
    {
        var token = request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.Ordinal);
        return _accessTokens.TryGetValue(token, out var claims) ? Results.Json(claims) : Results.Unauthorized();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Rsa.Dispose();
    }
}
