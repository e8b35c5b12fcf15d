using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Common;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>
/// Random and mutated bodies to every POST and PUT route of the app, sent by a caller the route
/// admits (seeded, so a failure replays): never a 5xx, every 4xx is problem details (SCIM's error
/// format under /scim), and a refused request writes nothing.
/// </summary>
public abstract class FuzzTests(StoreFactory store)
{
    private static readonly string[] Fields =
    [
        "lines", "sku", "quantity", "quoteToken", "name", "description", "category", "listPrice", "unitCost", "currency",
        "employeeDiscount", "active", "stockOnHand", "delta", "reason", "method", "installments", "paymentMethodId",
        "returnToStock", "document", "effectiveFrom", "days", "company", "percent", "audience", "from", "to", "id",
        "defaultMarkupPercent", "intercompanyMarkupPercent", "categoryMarkups", "email", "grade", "status", "hireDate",
        "terminationDate", "costCenter", "lineOfBusiness", "year", "supplyKind",
    ];

    private static readonly Identity GroupHr = new("H0001", [Roles.Hr], "JKL");

    private static Identity? CallerFor(string route) => route switch
    {
        _ when route.Contains("/api/products", StringComparison.Ordinal) || route.Contains("/fulfil", StringComparison.Ordinal) => Identity.Catalog,
        _ when route.Contains("/api/promotions", StringComparison.Ordinal) => Identity.Catalog,
        _ when route.Contains("/api/finance", StringComparison.Ordinal) || route.Contains("/refunds", StringComparison.Ordinal) => Identity.Finance,
        _ when route.Contains("/api/employees", StringComparison.Ordinal) || route.Contains("/api/policies", StringComparison.Ordinal) => GroupHr,
        _ when route.Contains("/api/orders", StringComparison.Ordinal) || route.Contains("/api/quotes", StringComparison.Ordinal) => Identity.Employee,
        _ when route.Contains("/api/webhooks", StringComparison.Ordinal) => null,
        _ => null,
    };

    [Fact]
    public async Task Random_bodies_never_cause_a_5xx_are_refused_with_problem_details_and_write_nothing()
    {
        var random = new Random(20261126);
        var routes = store.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT").Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct().OrderBy(r => r.Pattern, StringComparer.Ordinal).ToList();
        Assert.True(routes.Count > 20, "the routes were discovered");
        var failures = new List<string>();
        var identityProvider = (await Scim.ScimClient.ForCompanyAsync(store, "ABC")).Http;
        var rowsBefore = await StoreRows.CountAsync(store);
        var created = false;
        var statuses = new Dictionary<int, int>();

        foreach (var (method, pattern) in routes)
        {
            var url = pattern.Replace("{sku}", "LAP-13", StringComparison.Ordinal)
                .Replace("{id:guid}", "00000000-0000-0000-0000-000000000001", StringComparison.Ordinal).Replace("{version:int}", "1", StringComparison.Ordinal)
                .Replace("{id:long}", "999999999", StringComparison.Ordinal)
                .Replace("{id}", pattern.Contains("promotions", StringComparison.Ordinal) ? "staff-coffee" : "E1001", StringComparison.Ordinal);
            var identity = CallerFor(pattern);
            // SCIM answers its errors in its own format, to an identity provider's token.
            var scim = pattern.StartsWith("/scim/", StringComparison.Ordinal);
            var errorType = scim ? Scim.ScimClient.MediaType : "application/problem+json";
            var client = scim ? identityProvider
                : identity is null ? store.CreateClient() : store.ClientFor(identity);
            for (var i = 0; i < 25; i++)
            {
                var body = Body(random, i);
                using var request = new HttpRequestMessage(new HttpMethod(method), url)
                {
                    Content = new StringContent(body, Encoding.UTF8, i % 11 == 10 ? "text/plain" : "application/json"),
                };
                request.Headers.TryAddWithoutValidation("Idempotency-Key", i % 7 == 0 ? new string('k', 300) : $"fuzz-{i}");
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var sample = body.Length > 80 ? body[..80] + "..." : body;
                if (status >= 500)
                    failures.Add($"{method} {pattern} #{i}: {status} for {sample}");
                else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != errorType)
                    failures.Add($"{method} {pattern} #{i}: {status} without {errorType}");
                else if (status < 300)
                    created = true;
            }
        }

        var seen = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"));
        Assert.True(failures.Count == 0, seen + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(30)));
        // The bodies reached the validators and the size limit, not only the JSON reader.
        Assert.True(statuses.ContainsKey(413) && statuses.ContainsKey(400) && statuses.Count > 3, seen);
        if (!created)
            Assert.Equal(rowsBefore, await StoreRows.CountAsync(store));
    }

    private static string Body(Random random, int round) => round switch
    {
        0 => "",
        1 => "{",
        2 => "null",
        3 => new string('[', 200) + new string(']', 200),
        4 => "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":1e400}]}",
        5 => "{\"lines\":[{\"sku\":\"LAP-13\",\"quantity\":99999999999999999999999999999}],\"listPrice\":-0.0000001}",
        6 => "{\"name\":\"" + new string('x', 1_100_000) + "\"}",
        7 => "{\"sku\":\"\\u0000\\uD83D\\uDE00\\u202E\",\"name\":\"\\uD800\",\"reason\":\"NaN\",\"percent\":\"Infinity\"}",
        8 => "{\"lines\":{\"sku\":\"LAP-13\"},\"method\":[\"card\"],\"installments\":\"six\"}",
        9 => "{\"a\":1,\"a\":2,\"lines\":[null,null]}",
        _ => RandomObject(random, 0).ToJsonString(),
    };

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 3 ? 6 : 9) switch
    {
        0 => null,
        1 => random.Next(3) switch { 0 => -1, 1 => int.MaxValue, _ => random.Next(-5, 1000) },
        2 => JsonValue.Create(Math.Round(random.NextDouble() * 1e6 - 5e5, random.Next(0, 6))),
        3 => random.Next(2) == 0,
        4 => new[] { "", " ", "LAP-13", "card", "payroll", "2026-13-40", "ABC", "é€😀", "'; DROP TABLE orders;--", "<script>" }[random.Next(10)],
        5 => new string((char)random.Next(32, 0xD7FF), random.Next(0, 300)),
        6 => RandomObject(random, depth + 1),
        7 => new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomValue(random, depth + 1)).ToArray()),
        _ => new JsonArray(RandomObject(random, depth + 1)),
    };

    private static JsonObject RandomObject(Random random, int depth)
    {
        var result = new JsonObject();
        foreach (var field in Fields.OrderBy(_ => random.Next()).Take(random.Next(1, 8)))
            result[field] = RandomValue(random, depth);
        return result;
    }
}

public sealed class FuzzTestsOnSqlite(SqliteStoreFactory store) : FuzzTests(store), IClassFixture<SqliteStoreFactory>;
