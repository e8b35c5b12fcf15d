using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Access;
using Mediator;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>
/// Every route of the app, discovered from the endpoint data source, against every kind of caller.
/// A route without a row here fails the test, so a new endpoint cannot ship without saying who may
/// call it. Allowed callers must get past authorization (any status but 401/403, never a 5xx, even
/// with an empty body); everyone else gets 401 (no valid credentials) or 403.
/// </summary>
public abstract class AuthorizationMatrixTests(StoreFactory store)
{
    // ConsolePage: a browser page behind the console's cookie; no bearer token or API key opens it (302 to sign-in).
    // Which console roles open which page is ConsoleAccessTests' matrix.
    private enum Access { Public, AnyCaller, Person, Employee, Buyer, Catalog, Hr, Finance, CatalogOrHr, ConsolePage }

    private static readonly Dictionary<string, Access> Routes = new(StringComparer.Ordinal)
    {
        ["GET /health/live"] = Access.Public,
        ["GET /console/sign-in"] = Access.Public,
        ["GET /console/sign-out"] = Access.Public,
        ["GET /console"] = Access.ConsolePage,
        ["GET /console/hr/policies"] = Access.ConsolePage,
        ["GET /console/hr/policies/{id:guid}"] = Access.ConsolePage,
        ["GET /console/hr/policies/{id:guid}/simulate"] = Access.ConsolePage,
        ["GET /console/hr/policies/{id:guid}/audit"] = Access.ConsolePage,
        ["GET /console/hr/people"] = Access.ConsolePage,
        ["GET /console/hr/people/{id}"] = Access.ConsolePage,
        ["GET /console/hr/people/import"] = Access.ConsolePage,
        ["GET /console/finance/chargebacks"] = Access.ConsolePage,
        ["GET /console/finance/payroll"] = Access.ConsolePage,
        ["GET /console/finance/invoices"] = Access.ConsolePage,
        ["GET /console/finance/transfer-pricing"] = Access.ConsolePage,
        ["GET /console/finance/benefits"] = Access.ConsolePage,
        ["GET /console/catalog/products"] = Access.ConsolePage,
        ["GET /console/catalog/products/{sku}"] = Access.ConsolePage,
        ["GET /health/ready"] = Access.Public,
        ["GET /openapi/{documentName}.json"] = Access.Public,
        ["GET /scalar/{documentName?}"] = Access.Public,
        ["GET /scalar/scalar.js"] = Access.Public,
        ["GET /scalar/scalar.aspnetcore.js"] = Access.Public,
        ["GET /scalar/favicon.svg"] = Access.Public,
        ["POST /api/webhooks/stripe"] = Access.Public,
        ["GET /api/products/"] = Access.AnyCaller,
        ["GET /api/products/{sku}"] = Access.AnyCaller,
        ["POST /api/products/"] = Access.Catalog,
        ["PUT /api/products/{sku}"] = Access.Catalog,
        ["POST /api/products/{sku}/stock"] = Access.Catalog,
        ["GET /api/products/{sku}/stock"] = Access.Catalog,
        ["GET /api/employees/"] = Access.Hr,
        ["GET /api/employees/{id}"] = Access.Hr,
        ["POST /api/employees/import"] = Access.Hr,
        ["PUT /api/employees/{id}"] = Access.Hr,
        ["GET /api/employees/{id}/audit"] = Access.Hr,
        ["GET /api/companies"] = Access.Person,
        ["POST /api/quotes"] = Access.AnyCaller,
        ["GET /api/me"] = Access.Employee,
        ["GET /api/me/allowance"] = Access.Employee,
        ["GET /api/me/benefits"] = Access.Employee,
        ["GET /api/storefront/rules"] = Access.AnyCaller,
        ["GET /api/policies/"] = Access.Hr,
        ["GET /api/policies/in-force"] = Access.Hr,
        ["POST /api/policies/"] = Access.Hr,
        ["GET /api/policies/{id:guid}"] = Access.Hr,
        ["PUT /api/policies/{id:guid}"] = Access.Hr,
        ["POST /api/policies/{id:guid}/publish"] = Access.Hr,
        ["POST /api/policies/{id:guid}/simulate"] = Access.Hr,
        ["GET /api/policies/{id:guid}/audit"] = Access.Hr,
        ["GET /api/promotions/"] = Access.CatalogOrHr,
        ["POST /api/promotions/"] = Access.CatalogOrHr,
        ["PUT /api/promotions/{id}"] = Access.CatalogOrHr,
        ["GET /api/finance/transfer-pricing/"] = Access.Finance,
        ["PUT /api/finance/transfer-pricing/"] = Access.Finance,
        ["POST /api/orders/"] = Access.Buyer,
        ["GET /api/orders/"] = Access.Person,
        ["GET /api/orders/{id:guid}"] = Access.Person,
        ["POST /api/orders/{id:guid}/cancel"] = Access.Person,
        ["POST /api/orders/{id:guid}/fulfil"] = Access.Catalog,
        ["POST /api/orders/{id:guid}/checkout"] = Access.Buyer,
        ["POST /api/orders/{id:guid}/refunds"] = Access.Person,
        ["GET /api/finance/payroll-deductions"] = Access.Finance,
        ["GET /api/finance/chargebacks"] = Access.Finance,
        ["GET /api/finance/invoices"] = Access.Finance,
        ["POST /api/finance/invoices/{id:guid}/settle"] = Access.Finance,
        ["GET /api/finance/taxable-benefits"] = Access.Finance,
        ["GET /api/finance/gross-profit"] = Access.Finance,
        ["PUT /api/finance/gross-profit"] = Access.Finance,
    };

    private sealed record Caller(string Name, string[] Roles, Action<HttpRequestHeaders> Authenticate, bool Valid = true);

    private IEnumerable<string> DiscoveredRoutes() => store.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .Select(method => $"{method} /{e.RoutePattern.RawText!.TrimStart('/')}"))
        .Distinct();

    [Fact]
    public void Every_route_has_a_row_in_the_matrix()
    {
        var missing = DiscoveredRoutes().Where(r => !Routes.ContainsKey(r)).ToList();
        var stale = Routes.Keys.Where(r => !DiscoveredRoutes().Contains(r)).ToList();

        Assert.True(missing.Count == 0, "routes without a row: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "rows without a route: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_caller_gets_exactly_the_routes_its_roles_allow()
    {
        var storefrontKey = await CreateKeyAsync();
        var revokedKey = await CreateKeyAsync();
        await using (var scope = store.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RevokeApiKeyCommand(revokedKey[..12]));
        var callers = new List<Caller>
        {
            new("anonymous", [], _ => { }, Valid: false),
            new("storefront key", ["storefront"], h => h.Add("X-Api-Key", storefrontKey)),
            new("revoked key", [], h => h.Add("X-Api-Key", revokedKey), Valid: false),
            new("forged token", [], h => h.Authorization = new AuthenticationHeaderValue("Bearer", Forged()), Valid: false),
        };
        foreach (var identity in new[]
                 {
                     Identity.Employee, Identity.OtherCompanyEmployee, new Identity("E1004", ["employee"]), Identity.DepartmentBuyer,
                     Identity.AffiliateBuyer, Identity.Hr, Identity.Finance, Identity.Catalog,
                 })
        {
            var token = store.Token(identity);
            callers.Add(new Caller(identity.ToString(), identity.Roles, h => h.Authorization = new AuthenticationHeaderValue("Bearer", token)));
        }

        var failures = new List<string>();
        var client = store.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var route in DiscoveredRoutes().Where(Routes.ContainsKey).Order(StringComparer.Ordinal))
        {
            var access = Routes[route];
            foreach (var caller in callers)
            {
                using var request = Request(route);
                caller.Authenticate(request.Headers);
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                if (access == Access.ConsolePage)
                {
                    if (status != 302 || response.Headers.Location?.AbsolutePath.StartsWith("/console/sign-in", StringComparison.Ordinal) != true)
                        failures.Add($"{route} as {caller.Name}: {status}, expected 302 to the console's sign-in");
                    continue;
                }

                var allowed = access == Access.Public || (caller.Valid && Allows(access, caller.Roles));
                var expected = allowed ? "not 401/403" : caller.Valid ? "403" : "401";
                var ok = allowed ? status is not (401 or 403) and < 500 : status == (caller.Valid ? 403 : 401);
                if (!ok || status >= 500)
                    failures.Add($"{route} as {caller.Name}: {status}, expected {expected}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static bool Allows(Access access, string[] roles) => access switch
    {
        Access.AnyCaller => roles.Length > 0,
        Access.Person => roles.Any(r => r != "storefront"),
        Access.Employee => roles.Contains("employee"),
        Access.Buyer => roles.Any(r => r is "employee" or "department-buyer" or "affiliate-buyer"),
        Access.Catalog => roles.Contains("catalog"),
        Access.Hr => roles.Contains("hr"),
        Access.Finance => roles.Contains("finance"),
        Access.CatalogOrHr => roles.Any(r => r is "catalog" or "hr"),
        _ => true,
    };

    private static HttpRequestMessage Request(string route)
    {
        var (method, pattern) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var url = pattern.Replace("{sku}", "LAP-13", StringComparison.Ordinal)
            .Replace("{id:guid}", "00000000-0000-0000-0000-000000000001", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{documentName?}", "", StringComparison.Ordinal)
            .Replace("{id}", pattern.Contains("promotions", StringComparison.Ordinal) ? "no-such-promotion" : "E1001", StringComparison.Ordinal);
        if (url.Contains("payroll-deductions", StringComparison.Ordinal) || url.Contains("taxable-benefits", StringComparison.Ordinal))
            url += "?period=2026-11-30";
        if (url.Contains("chargebacks", StringComparison.Ordinal))
            url += "?month=2026-11";
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    /// <summary>A token with the right claims signed with another key.</summary>
    private static string Forged() => new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(
        new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = "F9001", ["role"] = "finance", ["company"] = "ABC" },
            Issuer = "internalstore",
            Audience = "internalstore",
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-key-0123456789-0123456789-0123456789")),
                Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });

    private async Task<string> CreateKeyAsync()
    {
        await using var scope = store.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateApiKeyCommand("matrix"))).Secret;
    }
}

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteStoreFactory store) : AuthorizationMatrixTests(store), IClassFixture<SqliteStoreFactory>;
