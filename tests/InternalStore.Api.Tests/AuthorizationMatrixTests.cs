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
    // Which console roles open which page is ConsoleAccessTests' matrix. ShopPage: the same behind the shop's
    // cookie (302 to the shop's sign-in); ShopAccessTests says which people open it.
    private enum Access { Public, AnyCaller, Person, Employee, Buyer, InternalBuyer, Catalog, Hr, Finance, CatalogOrHr, EmployeeOrHr,
        ServiceProvider, ServiceReader, ProviderOrFinance, DepartmentOrFinance, DisputeParty, DepartmentBuyer, CaseParty, SupportStaff, PayrollStaff, ScimProvisioner, ConsolePage, ShopPage }

    private static readonly Dictionary<string, Access> Routes = new(StringComparer.Ordinal)
    {
        ["GET /health/live"] = Access.Public,
        ["GET /"] = Access.Public,
        ["GET /shop/sign-in"] = Access.Public,
        ["GET /shop/sign-out"] = Access.Public,
        ["GET /shop"] = Access.ShopPage,
        ["GET /shop/products/{sku}"] = Access.ShopPage,
        ["GET /shop/cart"] = Access.ShopPage,
        ["GET /shop/checkout"] = Access.ShopPage,
        ["GET /shop/orders"] = Access.ShopPage,
        ["GET /shop/orders/{id:guid}"] = Access.ShopPage,
        ["GET /shop/orders/{id:guid}/pay"] = Access.ShopPage,
        ["GET /shop/benefits"] = Access.ShopPage,
        ["GET /shop/quotes"] = Access.ShopPage,
        ["GET /shop/quotes/new"] = Access.ShopPage,
        ["GET /shop/quotes/{id:guid}"] = Access.ShopPage,
        ["GET /console/finance/quotes"] = Access.ConsolePage,
        ["GET /console/finance/quotes/{id:guid}"] = Access.ConsolePage,
        ["GET /console/finance/agreements"] = Access.ConsolePage,
        ["GET /console/finance/subscriptions"] = Access.ConsolePage,
        ["GET /console/hr/subscriptions"] = Access.ConsolePage,
        ["GET /console/catalog/plans"] = Access.ConsolePage,
        ["GET /shop/subscriptions"] = Access.ShopPage,
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
        ["GET /console/catalog/new-product"] = Access.ConsolePage,
        ["GET /console/catalog/import"] = Access.ConsolePage,
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
        ["POST /api/products/import"] = Access.Catalog,
        ["PUT /api/products/{sku}"] = Access.Catalog,
        ["POST /api/products/{sku}/stock"] = Access.Catalog,
        ["GET /api/products/{sku}/stock"] = Access.Catalog,
        ["GET /api/employees/"] = Access.Hr,
        ["GET /api/employees/{id}"] = Access.Hr,
        ["POST /api/employees/import"] = Access.Hr,
        ["PUT /api/employees/{id}"] = Access.Hr,
        ["GET /api/employees/{id}/audit"] = Access.Hr,
        ["POST /api/employees/{id}/move"] = Access.Hr,
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
        ["GET /api/orders/{id:guid}/details"] = Access.Person,
        ["GET /api/cart/"] = Access.Buyer,
        ["POST /api/cart/lines"] = Access.Buyer,
        ["PUT /api/cart/lines/{sku}"] = Access.Buyer,
        ["DELETE /api/cart/lines/{sku}"] = Access.Buyer,
        ["DELETE /api/cart/"] = Access.Buyer,
        ["POST /api/cart/checkout"] = Access.Buyer,
        ["GET /api/me/payment-options"] = Access.Buyer,
        ["POST /api/quote-requests/"] = Access.InternalBuyer,
        ["GET /api/quote-requests/"] = Access.Person,
        ["GET /api/quote-requests/{id:guid}"] = Access.Person,
        ["POST /api/quote-requests/{id:guid}/offers"] = Access.Finance,
        ["POST /api/quote-requests/{id:guid}/offers/{version:int}/approve"] = Access.Finance,
        ["POST /api/quote-requests/{id:guid}/offers/{version:int}/accept"] = Access.InternalBuyer,
        ["POST /api/quote-requests/{id:guid}/offers/{version:int}/decline"] = Access.InternalBuyer,
        ["POST /api/quote-requests/{id:guid}/offers/{version:int}/renegotiate"] = Access.InternalBuyer,
        ["POST /api/quote-requests/{id:guid}/withdraw"] = Access.InternalBuyer,
        ["GET /api/finance/negotiation-settings/"] = Access.Finance,
        ["PUT /api/finance/negotiation-settings/"] = Access.Finance,
        ["GET /api/finance/price-agreements/"] = Access.Finance,
        ["POST /api/finance/price-agreements/"] = Access.Finance,
        ["GET /api/finance/price-agreements/{id:long}"] = Access.Finance,
        ["POST /api/finance/price-agreements/{id:long}/end"] = Access.Finance,
        ["GET /api/me/price-agreements"] = Access.InternalBuyer,
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
        ["GET /api/service-plans/"] = Access.Person,
        ["GET /api/service-plans/{id}"] = Access.Person,
        ["POST /api/service-plans/"] = Access.Catalog,
        ["PUT /api/service-plans/{id}"] = Access.Catalog,
        ["POST /api/subscriptions/"] = Access.Employee,
        ["GET /api/subscriptions/"] = Access.EmployeeOrHr,
        ["GET /api/subscriptions/{id:guid}"] = Access.EmployeeOrHr,
        ["POST /api/subscriptions/{id:guid}/cancel"] = Access.EmployeeOrHr,
        ["POST /api/subscriptions/{id:guid}/pause"] = Access.Employee,
        ["POST /api/subscriptions/{id:guid}/resume"] = Access.Employee,
        ["GET /api/finance/subscription-charges/"] = Access.Finance,
        ["POST /api/finance/subscription-charges/"] = Access.Finance,
        ["GET /api/internal-services/"] = Access.ServiceReader,
        ["GET /api/internal-services/{id}"] = Access.ServiceReader,
        ["POST /api/internal-services/"] = Access.ServiceProvider,
        ["PUT /api/internal-services/{id}"] = Access.ServiceProvider,
        ["POST /api/internal-services/{id}/rates"] = Access.ServiceProvider,
        ["POST /api/usage/"] = Access.ServiceProvider,
        ["POST /api/usage/{id:guid}/reverse"] = Access.ServiceProvider,
        ["GET /api/usage/"] = Access.ProviderOrFinance,
        ["POST /api/finance/periods/{month}/close"] = Access.Finance,
        ["GET /api/finance/periods"] = Access.Finance,
        ["GET /api/finance/cost-allocation"] = Access.Finance,
        ["PUT /api/finance/cost-allocation"] = Access.Finance,
        ["GET /api/finance/internal-costs"] = Access.Finance,
        ["GET /api/cost-centres/{code}/statement"] = Access.DepartmentOrFinance,
        ["POST /api/cost-centres/{code}/statement/accept"] = Access.DepartmentBuyer,
        ["POST /api/statement-lines/{id:guid}/dispute"] = Access.DepartmentBuyer,
        ["GET /api/disputes/"] = Access.DisputeParty,
        ["POST /api/disputes/{id:guid}/resolve"] = Access.ProviderOrFinance,
        ["POST /api/cases/"] = Access.Buyer,
        ["GET /api/cases/"] = Access.CaseParty,
        ["GET /api/cases/{id:guid}"] = Access.CaseParty,
        ["POST /api/cases/{id:guid}/messages"] = Access.CaseParty,
        ["POST /api/cases/{id:guid}/assign"] = Access.SupportStaff,
        ["POST /api/cases/{id:guid}/state"] = Access.SupportStaff,
        ["POST /api/cases/{id:guid}/rating"] = Access.Buyer,
        ["GET /api/support/calendars/{company}"] = Access.SupportStaff,
        ["GET /api/support/report"] = Access.SupportStaff,
        ["GET /api/me/notifications"] = Access.Person,
        ["GET /api/cases/{id:guid}/context"] = Access.SupportStaff,
        ["POST /api/cases/{id:guid}/actions"] = Access.SupportStaff,
        ["POST /api/orders/{id:guid}/instalments/move"] = Access.PayrollStaff,
        ["PUT /api/support/calendars/{company}"] = Access.SupportStaff,
        ["GET /console/services"] = Access.ConsolePage,
        ["GET /console/services/usage"] = Access.ConsolePage,
        ["GET /console/finance/month-end"] = Access.ConsolePage,
        ["GET /console/finance/internal-costs"] = Access.ConsolePage,
        ["GET /shop/statement"] = Access.ShopPage,
        ["GET /shop/cases"] = Access.ShopPage,
        ["GET /shop/cases/new"] = Access.ShopPage,
        ["GET /shop/cases/{id:guid}"] = Access.ShopPage,
        ["GET /shop/notifications"] = Access.ShopPage,
        ["GET /console/support"] = Access.ConsolePage,
        ["GET /console/support/cases/{id:guid}"] = Access.ConsolePage,
        ["GET /console/support/calendar"] = Access.ConsolePage,
        ["GET /console/support/report"] = Access.ConsolePage,
        ["GET /console/hr/provisioning"] = Access.ConsolePage,
        ["GET /scim/v2/ServiceProviderConfig"] = Access.Public,
        ["GET /scim/v2/ResourceTypes"] = Access.Public,
        ["GET /scim/v2/ResourceTypes/{name}"] = Access.Public,
        ["GET /scim/v2/Schemas"] = Access.Public,
        ["GET /scim/v2/Schemas/{id}"] = Access.Public,
        ["GET /scim/v2/Users/"] = Access.ScimProvisioner,
        ["GET /scim/v2/Users/{id}"] = Access.ScimProvisioner,
        ["POST /scim/v2/Users/"] = Access.ScimProvisioner,
        ["PUT /scim/v2/Users/{id}"] = Access.ScimProvisioner,
        ["PATCH /scim/v2/Users/{id}"] = Access.ScimProvisioner,
        ["DELETE /scim/v2/Users/{id}"] = Access.ScimProvisioner,
    };

    /// <param name="Scim">A SCIM token: a credential at /scim only, where no other credential is one.</param>
    private sealed record Caller(string Name, string[] Roles, Action<HttpRequestHeaders> Authenticate, bool Valid = true, bool Scim = false);

    private static bool IsScim(string route) => route.Contains(" /scim/", StringComparison.Ordinal);

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
        var scimToken = await CreateScimTokenAsync();
        var revokedScimToken = await CreateScimTokenAsync();
        await using (var scope = store.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(
                new Application.Provisioning.RevokeScimTokenCommand(Application.Common.Caller.System, revokedScimToken[..12]));
        var revokedKey = await CreateKeyAsync();
        await using (var scope = store.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RevokeApiKeyCommand(revokedKey[..12]));
        var callers = new List<Caller>
        {
            new("anonymous", [], _ => { }, Valid: false),
            new("storefront key", ["storefront"], h => h.Add("X-Api-Key", storefrontKey)),
            new("revoked key", [], h => h.Add("X-Api-Key", revokedKey), Valid: false),
            new("forged token", [], h => h.Authorization = new AuthenticationHeaderValue("Bearer", Forged()), Valid: false),
            new("scim token", ["scim-provisioner"], h => h.Authorization = new AuthenticationHeaderValue("Bearer", scimToken), Scim: true),
            new("revoked scim token", [], h => h.Authorization = new AuthenticationHeaderValue("Bearer", revokedScimToken), Valid: false, Scim: true),
        };
        foreach (var identity in new[]
                 {
                     Identity.Employee, Identity.OtherCompanyEmployee, new Identity("E1004", ["employee"]), Identity.DepartmentBuyer,
                     Identity.AffiliateBuyer, Identity.Hr, Identity.Finance, Identity.Catalog, Identity.ItProvider,
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
                if (access is Access.ConsolePage or Access.ShopPage)
                {
                    var signIn = access == Access.ConsolePage ? "/console/sign-in" : "/shop/sign-in";
                    if (status != 302 || response.Headers.Location?.AbsolutePath.StartsWith(signIn, StringComparison.Ordinal) != true)
                        failures.Add($"{route} as {caller.Name}: {status}, expected 302 to {signIn}");
                    continue;
                }

                var valid = caller.Valid && caller.Scim == IsScim(route);
                var allowed = access == Access.Public || (valid && Allows(access, caller.Roles));
                var expected = allowed ? "not 401/403" : valid ? "403" : "401";
                var ok = allowed ? status is not (401 or 403) and < 500 : status == (valid ? 403 : 401);
                if (!ok || status >= 500)
                    failures.Add($"{route} as {caller.Name}: {status}, expected {expected}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// The organisation axis: for every route, callers of the parent, of each subsidiary and of a
    /// company outside the group with valid claims get past authorization wherever their role is
    /// admitted; a token naming a company, cost centre or affiliate the organisation does not confirm
    /// (or lacking the claim its role needs) is refused with 403 <c>unknown-organisation</c> naming the claim.
    /// </summary>
    [Fact]
    public async Task Every_route_holds_each_caller_to_its_part_of_the_organisation()
    {
        await AddCompanyOutsideTheGroupAsync();
        const string dept = "department-buyer", affiliate = "affiliate-buyer";
        var refused = new (Identity Who, string Claim)[]
        {
            (new Identity("D1200", [dept], "ABC", "CC-9999"), "cost_center"), // a cost centre nobody has
            (new Identity("D1200", [dept], "ABC", "CC-2000"), "cost_center"), // XYZ's cost centre
            (new Identity("D1200", [dept], "NOPE", "CC-1200"), "company"),
            (new Identity("D1200", [dept], "ABC"), "cost_center"), // the role's claim is missing
            (new Identity("A3001", [affiliate], "ABC", Affiliate: "QRS"), "affiliate"), // a company of another group
            (new Identity("A3001", [affiliate], "ABC", Affiliate: "NOPE"), "affiliate"),
            (new Identity("A3001", [affiliate], "JKL", Affiliate: "JKL"), "affiliate"), // the seller itself
            (new Identity("A3001", [affiliate], "QRS", Affiliate: "XYZ"), "affiliate"), // a seller of another group
            (new Identity("H9001", ["hr"], "NOPE"), "company"),
            (new Identity("H9001", ["hr"], null), "company"),
            (new Identity("F9001", ["finance"], "NOPE"), "company"),
            (new Identity("C9001", ["catalog"], "NOPE"), "company"),
            (new Identity("E1001", ["employee"], "XYZ"), "company"), // the roster says ABC
            (new Identity("E1001", ["employee"], "ABC", CostCenter: "CC-2000"), "cost_center"),
            (new Identity("S4100", ["service-provider"], "ABC", "CC-2000"), "cost_center"), // XYZ's cost centre
            (new Identity("S4100", ["service-provider"], "ABC"), "cost_center"), // the role's claim is missing
            (new Identity("S4100", ["service-provider"], "NOPE", "CC-4100"), "company"),
        };
        var valid = new[]
        {
            Identity.GroupHr, Identity.GroupFinance, Identity.Hr, Identity.Finance, new Identity("H2001", ["hr"], "XYZ"),
            new Identity("F2001", ["finance"], "XYZ"), new Identity("H7001", ["hr"], "QRS"), new Identity("F7001", ["finance"], "QRS"),
            new Identity("C7001", ["catalog"], "QRS"), new Identity("D2000", [dept], "XYZ", "CC-2000"), Identity.DepartmentBuyer,
            Identity.AffiliateBuyer, new Identity("A3002", [affiliate], "JKL", Affiliate: "ABC"), new Identity("A3003", [affiliate], null, Affiliate: "XYZ"),
            Identity.OtherCompanyEmployee, Identity.ItProvider, new Identity("S2000", ["service-provider"], "XYZ", "CC-2000"),
        };

        var failures = new List<string>();
        var client = store.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // A SCIM token's company is a foreign key, so it names no company outside the organisation; its reach is ScimProvisioningTests'.
        foreach (var route in DiscoveredRoutes().Where(r => Routes.ContainsKey(r) && !IsScim(r) && Routes[r] is not (Access.Public or Access.ConsolePage or Access.ShopPage))
                     .Order(StringComparer.Ordinal))
        {
            foreach (var (who, claim) in refused)
            {
                using var response = await SendAsync(client, route, who);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var code = status == 403 ? System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("code").GetString() : null;
                if (!Allows(Routes[route], who.Roles))
                {
                    if (status != 403)
                        failures.Add($"{route} as {who} {who.Company}/{who.CostCenter}/{who.Affiliate}: {status}, expected 403");
                }
                else if (status != 403 || code != "unknown-organisation"
                         || System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("claim").GetString() != claim)
                {
                    failures.Add($"{route} as {who} {who.Company}/{who.CostCenter}/{who.Affiliate}: {status} {body}, expected 403 unknown-organisation for '{claim}'");
                }
            }

            foreach (var who in valid)
            {
                using var response = await SendAsync(client, route, who);
                var status = (int)response.StatusCode;
                var ok = Allows(Routes[route], who.Roles) ? status is not (401 or 403) and < 500 : status == 403;
                if (!ok)
                    failures.Add($"{route} as {who} of {who.Company}: {status} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient client, string route, Identity who)
    {
        using var request = Request(route);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", store.Token(who));
        return await client.SendAsync(request);
    }

    /// <summary>QRS: a company of another group, known to the store (its people have valid tokens) but outside JKL.</summary>
    private async Task AddCompanyOutsideTheGroupAsync()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Common.IStoreDb>();
        if (!await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Companies, c => c.Code == "QRS"))
        {
            db.Companies.Add(new Domain.People.Company("QRS", "QRS Outside Group", null));
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private static bool Allows(Access access, string[] roles) => access switch
    {
        Access.AnyCaller => roles.Length > 0,
        Access.Person => roles.Any(r => r != "storefront"),
        Access.Employee => roles.Contains("employee"),
        Access.Buyer => roles.Any(r => r is "employee" or "department-buyer" or "affiliate-buyer"),
        Access.InternalBuyer => roles.Any(r => r is "department-buyer" or "affiliate-buyer"),
        Access.Catalog => roles.Contains("catalog"),
        Access.Hr => roles.Contains("hr"),
        Access.Finance => roles.Contains("finance"),
        Access.CatalogOrHr => roles.Any(r => r is "catalog" or "hr"),
        Access.EmployeeOrHr => roles.Any(r => r is "employee" or "hr"),
        Access.ServiceProvider => roles.Contains("service-provider"),
        Access.ServiceReader => roles.Any(r => r is "service-provider" or "finance" or "department-buyer"),
        Access.ProviderOrFinance => roles.Any(r => r is "service-provider" or "finance"),
        Access.DepartmentOrFinance => roles.Any(r => r is "department-buyer" or "finance"),
        Access.DisputeParty => roles.Any(r => r is "service-provider" or "finance" or "department-buyer"),
        Access.DepartmentBuyer => roles.Contains("department-buyer"),
        Access.CaseParty => roles.Any(r => r is "employee" or "department-buyer" or "affiliate-buyer" or "catalog" or "hr" or "finance"),
        Access.SupportStaff => roles.Any(r => r is "catalog" or "hr" or "finance"),
        Access.PayrollStaff => roles.Any(r => r is "hr" or "finance"),
        Access.ScimProvisioner => roles.Contains("scim-provisioner"),
        _ => true,
    };

    private static HttpRequestMessage Request(string route)
    {
        var (method, pattern) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var url = pattern.Replace("{sku}", "LAP-13", StringComparison.Ordinal)
            .Replace("{id:guid}", "00000000-0000-0000-0000-000000000001", StringComparison.Ordinal)
            .Replace("{version:int}", "1", StringComparison.Ordinal)
            .Replace("{id:long}", "999999999", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{documentName?}", "", StringComparison.Ordinal)
            .Replace("{month}", "2026-11", StringComparison.Ordinal)
            .Replace("{code}", "CC-1200", StringComparison.Ordinal)
            .Replace("{company}", "ABC", StringComparison.Ordinal)
            .Replace("{name}", "User", StringComparison.Ordinal)
            .Replace("{id}", pattern.Contains("promotions", StringComparison.Ordinal) ? "no-such-promotion"
                : pattern.Contains("internal-services", StringComparison.Ordinal) ? "IT-SUPPORT-H" : "E1001", StringComparison.Ordinal);
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

    private async Task<string> CreateScimTokenAsync()
    {
        await using var scope = store.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new Application.Provisioning.CreateScimTokenCommand(Application.Common.Caller.System, "ABC", "matrix"))).Secret;
    }

    private async Task<string> CreateKeyAsync()
    {
        await using var scope = store.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateApiKeyCommand("matrix"))).Secret;
    }
}

public sealed class AuthorizationMatrixTestsOnSqlite(SqliteStoreFactory store) : AuthorizationMatrixTests(store), IClassFixture<SqliteStoreFactory>;
