using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Access;
using InternalStore.Infrastructure.Identity;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InternalStore.Api.Tests;

/// <summary>
/// What makes a credential valid: tokens (signature, lifetime, audience, issuer, subject) and
/// storefront keys. Which route admits which caller is the authorization matrix's
/// (<see cref="AuthorizationMatrixTests"/>).
/// </summary>
public abstract class AuthTests(StoreFactory store)
{
    private static readonly object ValidProduct = new
    {
        sku = "AUTH-1", name = "Auth test", category = "office", listPrice = 1m, unitCost = 0.5m,
    };

    private static HttpRequestMessage Request(string method, string url) => new(new HttpMethod(method), url)
    {
        Content = method == "GET" ? null : JsonContent.Create(url.EndsWith("/stock", StringComparison.Ordinal)
            ? new { delta = 1, reason = "auth test" }
            : ValidProduct),
    };

    [Fact]
    public async Task The_catalog_role_may_write()
    {
        var response = await store.ClientFor(Identity.Catalog).SendAsync(Request("POST", "/api/products/LAP-13/stock"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_storefront_key_reads_the_catalog_without_cost()
    {
        var client = store.ClientWithApiKey(await CreateKeyAsync());

        var page = await client.GetStringAsync("/api/products?pageSize=100");
        Assert.Contains("LAP-13", page, StringComparison.Ordinal);
        Assert.DoesNotContain("unitCost", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_storefront_key_is_refused()
    {
        var secret = await CreateKeyAsync();
        var client = store.ClientWithApiKey(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/products")).StatusCode);

        await using (var scope = store.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RevokeApiKeyCommand(secret[..12]));

        await (await client.GetAsync("/api/products")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("isk_not-a-real-key")]
    [InlineData("")]
    public async Task An_unknown_storefront_key_is_refused(string key)
    {
        var client = store.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);

        await (await client.GetAsync("/api/products")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = Sign(StoreFactory.SigningKey, new() { ["sub"] = "E1001", ["role"] = "employee" },
            expires: DateTime.UtcNow.AddMinutes(-5));

        await (await CallWith(token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var token = Sign("another-key-that-is-long-enough-0123456789", new() { ["sub"] = "E1001", ["role"] = "catalog" });

        await (await CallWith(token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task The_development_key_is_refused_outside_Development()
    {
        var token = Sign(AuthOptions.DevelopmentSigningKey, new() { ["sub"] = "E1001", ["role"] = "employee" });

        await (await CallWith(token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_token_without_a_subject_is_refused()
    {
        var token = Sign(StoreFactory.SigningKey, new() { ["role"] = "catalog" });

        await (await CallWith(token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var token = Sign(StoreFactory.SigningKey, new() { ["sub"] = "E1001", ["role"] = "employee" }, audience: "payroll");

        await (await CallWith(token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A_token_that_is_not_yet_valid_or_from_another_issuer_is_refused()
    {
        var early = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = "E1001", ["role"] = "employee" },
            Issuer = "internalstore",
            Audience = "internalstore",
            NotBefore = DateTime.UtcNow.AddMinutes(10),
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(TokenIssuer.SigningKeyOf(StoreFactory.SigningKey), SecurityAlgorithms.HmacSha256),
        });
        var foreign = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = "E1001", ["role"] = "employee" },
            Issuer = "someone-else",
            Audience = "internalstore",
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new SigningCredentials(TokenIssuer.SigningKeyOf(StoreFactory.SigningKey), SecurityAlgorithms.HmacSha256),
        });

        await (await CallWith(early)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await CallWith(foreign)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_api_answers_are_not_cached()
    {
        var ok = await store.ClientFor(Identity.Employee).GetAsync("/api/products/LAP-13");
        var problem = await store.ClientFor(null).GetAsync("/api/products");

        foreach (var response in new[] { ok, problem })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.True(response.Headers.CacheControl?.NoStore, "API answers are not stored by caches");
        }
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = "E1001", ["role"] = "catalog" },
            Issuer = "internalstore",
            Audience = "internalstore",
            Expires = DateTime.UtcNow.AddMinutes(5),
        });

        await (await CallWith(token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<HttpResponseMessage> CallWith(string token)
    {
        var client = store.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/products");
    }

    private static string Sign(string key, Dictionary<string, object> claims, DateTime? expires = null,
        string audience = "internalstore") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = "internalstore",
            Audience = audience,
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-20),
            IssuedAt = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-20),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(TokenIssuer.SigningKeyOf(key), SecurityAlgorithms.HmacSha256),
        });

    private async Task<string> CreateKeyAsync()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateApiKeyCommand("storefront test"));
        return created.Secret;
    }
}

public sealed class AuthTestsOnSqlite(SqliteStoreFactory store) : AuthTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class AuthTestsOnPostgres(PostgresStoreFactory store) : AuthTests(store), IClassFixture<PostgresStoreFactory>;
