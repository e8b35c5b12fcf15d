using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Common;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>
/// Property-style: every field of a valid body of every POST/PUT route, and every query parameter of
/// every route, is replaced in turn by out-of-range, malformed and wrong-type values. Each answer is a
/// 4xx problem with a <c>code</c>; a 400 names the field it was about; a refused request writes nothing.
/// A new POST/PUT route without a valid body here fails the test; query parameters are discovered.
/// </summary>
public abstract class HostileInputTests(StoreFactory store)
{
    private const string Unknown = "00000000-0000-0000-0000-000000000001";

    internal static readonly JsonNode?[] HostileValues =
    [
        JsonValue.Create(1e30), JsonValue.Create(2147483648L), JsonValue.Create(-1), JsonValue.Create(0.0000001m), "2,5", "1,5",
        "1e30", "abc", "", "2026-13-45", null, new JsonArray(), new JsonObject(), true, new string('x', 5000),
        new JsonArray((JsonNode?)null), "a.b", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJFMTAwMSJ9+/=.sig",
    ];

    internal static readonly string[] HostileQueryValues =
        ["abc", "1e30", "2147483648", "-1", "0", "2,5", "", "2026-13-45", "2026-02-30", "1.5", "true,false", "%00", new string('9', 400)];

    /// <summary>A body each POST/PUT route accepts (or refuses only for a reason other than its shape), and who sends it.</summary>
    internal static readonly Dictionary<string, (Identity? Caller, string? Body)> Bodies = new(StringComparer.Ordinal)
    {
        ["POST /api/products/"] = (Identity.Catalog, """{"sku":"HX-1","name":"Hostile","category":"office","listPrice":10.00,"unitCost":5.00,"stockOnHand":1,"currency":"USD","employeeDiscount":true,"supplyKind":"goods"}"""),
        ["PUT /api/products/{sku}"] = (Identity.Catalog, """{"name":"Laptop 13","description":"d","category":"electronics","listPrice":1299.00,"unitCost":950.00,"currency":"USD","employeeDiscount":true,"active":true}"""),
        ["POST /api/products/{sku}/stock"] = (Identity.Catalog, """{"delta":1,"reason":"count"}"""),
        ["POST /api/products/import"] = (Identity.Catalog, null), // text/csv: ProductImportTests; its query parameter is below
        ["POST /api/employees/import"] = (Identity.GroupHr, null), // text/csv: RosterImportTests and FuzzTests; its query parameters are below
        ["PUT /api/employees/{id}"] = (Identity.GroupHr, """{"name":"Alice Moreau","email":"alice.moreau@abc.example","costCenter":"CC-1000","grade":5,"status":"active","hireDate":"2018-04-16"}"""),
        ["POST /api/employees/{id}/move"] = (Identity.GroupHr, """{"company":"XYZ","costCenter":"CC-2000"}"""),
        ["POST /api/quotes"] = (Identity.Employee, """{"lines":[{"sku":"LAP-13","quantity":1}]}"""),
        ["POST /api/policies/"] = (Identity.GroupHr, """{"company":"ABC","name":"Hostile draft","document":{"tiers":[{"id":"all","percent":"10","minGrade":1,"minTenureMonths":0}],"probationDays":90,"categoryRules":[{"category":"electronics","maxPercent":"10"}],"minMarginPercent":"5","annualAllowance":"500","quantityLimits":[{"sku":"LAP-13","maxUnits":1,"windowDays":365}],"promotionStacking":"best","rounding":"halfUp"}}"""),
        ["PUT /api/policies/{id:guid}"] = (Identity.GroupHr, """{"name":"Hostile draft","document":{"tiers":[{"id":"all","percent":"10"}],"probationDays":90,"annualAllowance":"500"}}"""),
        ["POST /api/policies/{id:guid}/publish"] = (Identity.GroupHr, """{"effectiveFrom":"2030-01-01"}"""),
        ["POST /api/policies/{id:guid}/simulate"] = (Identity.GroupHr, """{"days":30}"""),
        ["POST /api/promotions/"] = (Identity.Catalog, """{"id":"hostile-promo","sku":"LAP-13","percent":5,"audience":"all","from":"2030-01-01","to":"2030-01-31"}"""),
        ["PUT /api/promotions/{id}"] = (Identity.Catalog, """{"sku":"LAP-13","percent":5,"audience":"all","from":"2030-01-01","to":"2030-01-31"}"""),
        ["PUT /api/finance/transfer-pricing/"] = (Identity.GroupFinance, """{"defaultMarkupPercent":5,"intercompanyMarkupPercent":8,"categoryMarkups":[{"category":"electronics","markupPercent":3}]}"""),
        ["POST /api/orders/"] = (Identity.Employee, """{"lines":[{"sku":"LAP-13","quantity":1}],"quoteToken":null}"""),
        ["POST /api/orders/{id:guid}/cancel"] = (Identity.Employee, null),
        ["POST /api/quote-requests/"] = (Identity.DepartmentBuyer, """{"lines":[{"sku":"MON-27","quantity":2,"targetUnitPrice":240.00}],"targetTotal":480.00,"comment":"c"}"""),
        ["POST /api/quote-requests/{id:guid}/offers"] = (Identity.Finance, """{"lines":[{"sku":"MON-27","unitPrice":245.00}],"validUntil":"2030-01-01T00:00:00Z","comment":"c"}"""),
        ["POST /api/quote-requests/{id:guid}/offers/{version:int}/approve"] = (Identity.Finance, """{"reason":"volume"}"""),
        ["POST /api/quote-requests/{id:guid}/offers/{version:int}/accept"] = (Identity.DepartmentBuyer, null),
        ["POST /api/quote-requests/{id:guid}/offers/{version:int}/decline"] = (Identity.DepartmentBuyer, """{"reason":"too high"}"""),
        ["POST /api/quote-requests/{id:guid}/offers/{version:int}/renegotiate"] = (Identity.DepartmentBuyer, """{"reason":"too high"}"""),
        ["POST /api/quote-requests/{id:guid}/withdraw"] = (Identity.DepartmentBuyer, """{"reason":"not needed"}"""),
        ["POST /api/finance/price-agreements/"] = (Identity.Finance, """{"quoteRequestId":"00000000-0000-0000-0000-000000000001","skus":["MON-27"],"from":"2030-01-01","to":"2030-06-30"}"""),
        ["POST /api/finance/price-agreements/{id:long}/end"] = (Identity.Finance, """{"reason":"cost rose"}"""),
        ["PUT /api/finance/negotiation-settings/"] = (Identity.Finance, """{"minimumMarkupPercent":0,"autoOfferBandPercent":0}"""),
        ["POST /api/cart/lines"] = (Identity.Employee, """{"sku":"LAP-13","quantity":1}"""),
        ["PUT /api/cart/lines/{sku}"] = (Identity.Employee, """{"quantity":1}"""),
        ["POST /api/cart/checkout"] = (Identity.Employee, """{"method":"payroll","installments":2}"""),
        ["POST /api/orders/{id:guid}/fulfil"] = (Identity.Catalog, null),
        ["POST /api/orders/{id:guid}/checkout"] = (Identity.Employee, """{"method":"payroll","installments":2}"""),
        ["POST /api/orders/{id:guid}/refunds"] = (Identity.GroupFinance, """{"lines":[{"sku":"LAP-13","quantity":1}],"reason":"broken","returnToStock":false}"""),
        ["POST /api/finance/invoices/{id:guid}/settle"] = (Identity.GroupFinance, null),
        ["PUT /api/finance/gross-profit"] = (Identity.GroupFinance, """{"company":"ABC","lineOfBusiness":"goods","year":2026,"percent":2.5,"reason":"audited"}"""),
        ["POST /api/service-plans/"] = (Identity.Catalog, """{"id":"HX-PLAN","name":"Hostile plan","sku":"AUD-P","provider":"XYZ","period":"payPeriod","pricePerPeriod":9.90,"costPerPeriod":3.50,"minimumTermPeriods":0,"noticeDays":14,"afterProbationOnly":false,"companies":["ABC"],"enrolmentOpens":"2026-01-01","enrolmentCloses":"2030-12-31","allowsPause":true,"allowsImmediateCancel":true,"active":true}"""),
        ["PUT /api/service-plans/{id}"] = (Identity.Catalog, """{"name":"Audio conferencing for one","sku":"AUD-P","provider":"XYZ","period":"payPeriod","pricePerPeriod":9.90,"costPerPeriod":3.50,"minimumTermPeriods":0,"noticeDays":14,"afterProbationOnly":true,"companies":[],"allowsPause":true,"allowsImmediateCancel":true,"active":true}"""),
        ["POST /api/subscriptions/"] = (Identity.Employee, """{"plan":"AUD-TEAM"}"""),
        ["POST /api/subscriptions/{id:guid}/cancel"] = (Identity.Employee, """{"atPeriodEnd":true,"reason":"moving"}"""),
        ["POST /api/subscriptions/{id:guid}/pause"] = (Identity.Employee, null),
        ["POST /api/subscriptions/{id:guid}/resume"] = (Identity.Employee, null),
        ["POST /api/finance/subscription-charges/"] = (Identity.GroupFinance, null), // its period is a query parameter, below
        ["POST /api/internal-services/"] = (Identity.ItProvider, """{"id":"HX-SVC","name":"Hostile service","unit":"hour","description":"d","active":true,"unitRate":50.00,"from":"2026-01-01"}"""),
        ["PUT /api/internal-services/{id}"] = (Identity.ItProvider, """{"name":"IT support","unit":"hour","description":"d","active":true}"""),
        ["POST /api/internal-services/{id}/rates"] = (Identity.ItProvider, """{"unitRate":90.00,"from":"2030-01-01","consumer":"CC-5100"}"""),
        ["POST /api/usage/"] = (Identity.ItProvider, """{"service":"IT-SUPPORT-H","consumer":"CC-5100","quantity":1.5,"date":"2026-11-02","reference":"T-1","note":"n"}"""),
        ["POST /api/usage/{id:guid}/reverse"] = (Identity.ItProvider, """{"reason":"entered twice"}"""),
        ["POST /api/finance/periods/{month}/close"] = (Identity.GroupFinance, null), // no body; its company is a query parameter, below
        ["PUT /api/finance/cost-allocation"] = (Identity.GroupFinance, """{"company":"ABC","mode":"chargeback"}"""),
        ["POST /api/cost-centres/{code}/statement/accept"] = (Identity.DepartmentBuyer, """{"month":"2026-10"}"""),
        ["POST /api/statement-lines/{id:guid}/dispute"] = (Identity.DepartmentBuyer, """{"reason":"too many hours"}"""),
        ["POST /api/disputes/{id:guid}/resolve"] = (Identity.ItProvider, """{"outcome":"adjusted","amount":10.00,"reason":"fewer hours"}"""),
        ["POST /api/cases/"] = (Identity.Employee, """{"category":"order","priority":"high","subject":"Not delivered","message":"Where is it?","links":[{"type":"order","id":"00000000-0000-0000-0000-000000000001"}]}"""),
        ["POST /api/cases/{id:guid}/messages"] = (Identity.Employee, """{"text":"Any news?","internal":false}"""),
        ["POST /api/cases/{id:guid}/assign"] = (Identity.Catalog, """{"to":"C9001"}"""),
        ["POST /api/cases/{id:guid}/state"] = (Identity.Catalog, """{"state":"pending"}"""),
        ["POST /api/cases/{id:guid}/rating"] = (Identity.Employee, """{"score":5}"""),
        ["POST /api/cases/{id:guid}/actions"] = (Identity.Finance, """{"action":"refund","order":"00000000-0000-0000-0000-000000000001","reason":"broken","lines":[{"sku":"LAP-13","quantity":1}]}"""),
        ["POST /api/orders/{id:guid}/instalments/move"] = (Identity.Finance, """{"from":"2026-12-15","to":"2026-12-31","reason":"hardship"}"""),
        ["PUT /api/support/calendars/{company}"] = (Identity.GroupHr, """{"timeZone":"Europe/Berlin","workingDays":["mon","tue","wed","thu","fri"],"opens":"09:00","closes":"17:00","holidays":["2026-12-25"]}"""),
        ["POST /api/webhooks/stripe"] = (null, null), // signed by Stripe: CardPaymentTests
        ["POST /scim/v2/Users/"] = (null, null), // SCIM answers in its own error format: ScimHostileInputTests
        ["PUT /scim/v2/Users/{id}"] = (null, null),
        ["POST /console/sign-in"] = (null, null), // console forms: ConsoleFormTests and ConsoleAccessTests
        ["POST /console/sign-out"] = (null, null),
    };

    [Fact]
    public async Task Every_field_of_every_body_refused_by_a_4xx_naming_it_and_nothing_written()
    {
        var failures = new List<string>();
        var named = 0;
        foreach (var route in WriteRoutes())
        {
            if (!Bodies.TryGetValue(route, out var entry))
            {
                failures.Add($"{route}: no valid body in HostileInputTests.Bodies");
                continue;
            }

            if (entry.Body is null || route.StartsWith("POST /console", StringComparison.Ordinal) || route.Contains("console", StringComparison.Ordinal))
                continue;
            var client = store.ClientFor(entry.Caller);
            // Counting every table costs more than the request: a refusal leaves the count as it was, so it
            // carries over to the next request; only an accepted one (which may write) is counted afresh.
            string? rows = null;
            foreach (var (path, mutated) in Mutations(JsonNode.Parse(entry.Body)!))
            {
                var before = rows ?? await StoreRows.CountAsync(store);
                using var response = await SendAsync(client, route, mutated.ToJsonString());
                if (await CheckRefusalAsync(response, path, $"{route} {path}={Sample(mutated)}", before, failures))
                    named++;
                rows = (int)response.StatusCode >= 400 ? before : null;
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)) + $"{Environment.NewLine}({failures.Count} in all)");
        Assert.True(named > 300, $"only {named} refusals named their field: the mutations did not reach the validators");
    }

    [Fact]
    public async Task Every_query_parameter_refused_by_a_4xx_naming_it()
    {
        var descriptions = store.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.ParameterDescriptions.Any(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query))
            .ToList();
        Assert.True(descriptions.Count >= 8, "the query parameters were discovered");
        var failures = new List<string>();
        var named = 0;
        foreach (var description in descriptions)
        {
            var route = $"{description.HttpMethod} /{description.RelativePath!.TrimStart('/')}";
            var caller = CallerForQuery(route);
            var client = store.ClientFor(caller);
            var parameters = description.ParameterDescriptions
                .Where(p => p.Source == Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Query).Select(p => p.Name).ToList();
            foreach (var parameter in parameters)
            {
                string? rows = null; // carried over a refusal, as in the body test
                foreach (var value in HostileQueryValues)
                {
                    var query = string.Join("&", parameters.Select(p => p == parameter ? $"{p}={Uri.EscapeDataString(value)}" : DefaultQuery(p))
                        .Where(q => q.Length > 0));
                    var before = rows ?? await StoreRows.CountAsync(store);
                    using var request = new HttpRequestMessage(new HttpMethod(description.HttpMethod!), Url(route) + "?" + query);
                    request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
                    if (description.HttpMethod is "POST" or "PUT")
                        request.Content = new StringContent("id,name\n", Encoding.UTF8, "text/csv");
                    using var response = await client.SendAsync(request);
                    var sample = $"{route} {parameter}={(value.Length > 20 ? value[..20] + "..." : value)}";
                    if (await CheckRefusalAsync(response, parameter, sample, before, failures))
                        named++;
                    rows = (int)response.StatusCode >= 400 ? before : null;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)) + $"{Environment.NewLine}({failures.Count} in all)");
        Assert.True(named > 40, $"only {named} refusals named their parameter");
    }

    [Theory]
    [InlineData("tiers[0].percent", "\"2,5\"")] // once read as 25
    [InlineData("annualAllowance", "\"1,5\"")] // once read as 15
    [InlineData("tiers[0].percent", "1e30")]
    [InlineData("probationDays", "2147483648")]
    [InlineData("quantityLimits[0].maxUnits", "1e30")]
    [InlineData("tiers[0].percent", "\"1 000\"")]
    public async Task A_policy_number_with_a_comma_or_beyond_its_range_is_refused_not_misread(string field, string value)
    {
        var body = JsonNode.Parse(Bodies["POST /api/policies/"].Body!)!;
        Replace(body["document"]!, field, JsonNode.Parse(value));
        var before = await StoreRows.CountAsync(store);

        var response = await SendAsync(store.ClientFor(Identity.GroupHr), "POST /api/policies/", body.ToJsonString());

        var problem = await response.AssertValidationErrorAsync("document");
        Assert.Contains(field[(field.LastIndexOf('.') + 1)..], problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await StoreRows.CountAsync(store));
    }

    /// <summary>
    /// A refusal is a 4xx problem with a code, names the field when it is a 400, and wrote nothing; an
    /// answer under 400 is a value that happens to be valid (an empty description, -1 as a stock delta).
    /// Returns whether a 400 named the field.
    /// </summary>
    private async Task<bool> CheckRefusalAsync(HttpResponseMessage response, string field, string sample, string rowsBefore,
        List<string> failures)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status < 400)
            return false;
        if (status >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{sample}: {status} {text}");
            return false;
        }

        var problem = JsonDocument.Parse(text).RootElement;
        if (!problem.TryGetProperty("code", out var code) || string.IsNullOrEmpty(code.GetString()))
            failures.Add($"{sample}: {status} without a code");
        if (await StoreRows.CountAsync(store) != rowsBefore)
            failures.Add($"{sample}: refused with {status} but wrote rows");
        if (status != 400)
            return false;
        if (Names(problem, field))
            return true;
        failures.Add($"{sample}: 400 does not name '{field}': {text}");
        return false;
    }

    private IEnumerable<string> WriteRoutes() => store.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
            .Where(m => m is "POST" or "PUT").Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
        .Distinct().Order(StringComparer.Ordinal);

    /// <summary>Each leaf (and each object or array) of the body replaced by each hostile value, and removed.</summary>
    internal static IEnumerable<(string Path, JsonNode Body)> Mutations(JsonNode body)
    {
        foreach (var path in Paths(body, ""))
        {
            foreach (var value in HostileValues)
            {
                var copy = body.DeepClone();
                Replace(copy, path, value?.DeepClone());
                yield return (path, copy);
            }
        }
    }

    private static IEnumerable<string> Paths(JsonNode? node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
                    yield return path;
                    foreach (var inner in Paths(child, path))
                        yield return inner;
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var path = $"{prefix}[{i}]";
                    foreach (var inner in Paths(array[i], path))
                        yield return inner;
                }

                break;
        }
    }

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var parts = System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value).ToList();
        var node = root;
        for (var i = 0; i < parts.Count - 1; i++)
            node = parts[i].StartsWith('[') ? node[int.Parse(parts[i][1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[parts[i]]!;
        var last = parts[^1];
        if (last.StartsWith('['))
            node[int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        else
            node[last] = value;
    }

    /// <summary>
    /// A 400 names the field when a key of its <c>errors</c> is the path, a part of it (the document of
    /// a policy), or lies below it (a line's quantity when the line was replaced).
    /// </summary>
    private static bool Names(JsonElement problem, string path)
    {
        if (!problem.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
            return false;
        var wanted = path.ToLowerInvariant();
        return errors.EnumerateObject().Select(e => e.Name.ToLowerInvariant()).Any(key =>
            key == wanted || wanted.StartsWith(key + ".", StringComparison.Ordinal) || wanted.StartsWith(key + "[", StringComparison.Ordinal)
            || key.StartsWith(wanted + ".", StringComparison.Ordinal) || key.StartsWith(wanted + "[", StringComparison.Ordinal));
    }

    private static string Sample(JsonNode body)
    {
        var text = body.ToJsonString();
        return text.Length > 160 ? text[..160] + "..." : text;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string route, string body)
    {
        var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
        var request = new HttpRequestMessage(new HttpMethod(method), Url(route))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    internal static string Url(string route) => route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]
        .Replace("{sku}", "LAP-13", StringComparison.Ordinal)
        .Replace("{id:guid}", Unknown, StringComparison.Ordinal).Replace("{version:int}", "1", StringComparison.Ordinal)
        .Replace("{id:long}", "999999999", StringComparison.Ordinal)
        .Replace("{month}", "2026-10", StringComparison.Ordinal).Replace("{code}", "CC-1200", StringComparison.Ordinal)
        .Replace("{company}", "ABC", StringComparison.Ordinal)
        .Replace("{id}", route.Contains("promotions", StringComparison.Ordinal) ? "home-week"
            : route.Contains("internal-services", StringComparison.Ordinal) ? "IT-SUPPORT-H"
            : route.Contains("service-plans", StringComparison.Ordinal) ? "AUD-TEAM"
            : route.EndsWith("/move", StringComparison.Ordinal) ? "E1002" : "E1001", StringComparison.Ordinal);

    /// <summary>A valid value for the other query parameters, so only one is hostile at a time.</summary>
    private static string DefaultQuery(string parameter) => parameter switch
    {
        "period" => "period=2026-11-30",
        "month" => "month=2026-11",
        _ => "",
    };

    private static Identity CallerForQuery(string route) => route switch
    {
        _ when route.Contains("/api/employees", StringComparison.Ordinal) || route.Contains("/api/policies", StringComparison.Ordinal) => Identity.GroupHr,
        _ when route.Contains("/api/finance", StringComparison.Ordinal) || route.Contains("/api/orders", StringComparison.Ordinal) => Identity.GroupFinance,
        _ when route.Contains("/api/subscriptions", StringComparison.Ordinal) => Identity.Hr,
        _ when route.Contains("/api/usage", StringComparison.Ordinal) || route.Contains("/api/disputes", StringComparison.Ordinal)
            || route.Contains("/api/internal-services", StringComparison.Ordinal) => Identity.ItProvider,
        _ when route.Contains("/api/cost-centres", StringComparison.Ordinal) => Identity.DepartmentBuyer,
        _ => Identity.Catalog,
    };
}

public sealed class HostileInputTestsOnSqlite(SqliteStoreFactory store) : HostileInputTests(store), IClassFixture<SqliteStoreFactory>;
