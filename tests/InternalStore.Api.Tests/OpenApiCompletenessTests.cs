using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests;

/// <summary>
/// The API description a client generator is fed: every operation has a summary, its request body (JSON schema, CSV text),
/// a success response and the problems it can answer; and a field the description calls required is one the API refuses
/// to go without.
/// </summary>
public sealed partial class OpenApiCompletenessTests(SqliteStoreFactory store) : IClassFixture<SqliteStoreFactory>
{
    /// <summary>Commands whose whole input is the route (and a header): they take no body.</summary>
    private static readonly HashSet<string> Bodiless = new(StringComparer.Ordinal)
    {
        "POST /api/orders/{id}/cancel", "POST /api/orders/{id}/fulfil", "POST /api/quote-requests/{id}/offers/{version}/accept",
        "POST /api/finance/invoices/{id}/settle", "POST /api/subscriptions/{id}/pause", "POST /api/subscriptions/{id}/resume",
        "POST /api/finance/subscription-charges", "POST /api/finance/periods/{month}/close",
    };

    private async Task<JsonElement> DocumentAsync() =>
        await (await store.ClientFor(null).GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);

    private static IEnumerable<(string Route, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    [Fact]
    public async Task Every_operation_has_a_summary_a_success_response_and_its_problems()
    {
        var document = await DocumentAsync();
        var failures = new List<string>();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 100, $"only {operations.Count} operations described");
        foreach (var (route, operation) in operations)
        {
            if (!operation.TryGetProperty("summary", out var summary) || summary.GetString() is not { Length: > 10 })
                failures.Add($"{route}: no summary");
            var responses = operation.GetProperty("responses").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
            if (!responses.Keys.Any(k => k.StartsWith('2')))
                failures.Add($"{route}: no success response");
            var problems = responses.Where(r => r.Key[0] == '4').ToDictionary(r => r.Key, r => r.Value);
            foreach (var (status, response) in problems)
            {
                if (!response.TryGetProperty("content", out var content) || !content.TryGetProperty("application/problem+json", out var problem)
                    || !problem.GetProperty("schema").GetRawText().Contains("ProblemDetails", StringComparison.Ordinal))
                    failures.Add($"{route}: {status} is not a problem-details response");
            }

            var secured = !operation.TryGetProperty("security", out var security) || security.GetArrayLength() > 0;
            var takesInput = operation.TryGetProperty("parameters", out _) || operation.TryGetProperty("requestBody", out _)
                || !route.StartsWith("GET ", StringComparison.Ordinal);
            var expected = takesInput ? new List<string> { "400" } : [];
            if (secured && !route.StartsWith("POST /api/webhooks/", StringComparison.Ordinal) && !IsPublic(route))
                expected.AddRange(["401", "403"]);
            if (route.Contains('{', StringComparison.Ordinal))
                expected.Add("404");
            if (!route.StartsWith("GET ", StringComparison.Ordinal))
                expected.Add("409");
            if (operation.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key"))
                expected.Add("422");
            if (!route.StartsWith("GET ", StringComparison.Ordinal) && !route.StartsWith("DELETE ", StringComparison.Ordinal)
                && !operation.TryGetProperty("parameters", out _) && !operation.TryGetProperty("requestBody", out _) && !Bodiless.Contains(route))
                failures.Add($"{route}: takes no input at all");
            failures.AddRange(expected.Where(s => !problems.ContainsKey(s)).Select(s => $"{route}: no {s} problem"));

            if (route.Split(' ')[0] is "POST" or "PUT" && !operation.TryGetProperty("requestBody", out _) && !Bodiless.Contains(route))
                failures.Add($"{route}: no request body described (or add it to Bodiless)");
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(60)) + $"{Environment.NewLine}({failures.Count} in all)");
    }

    /// <summary>Routes anyone may call (health, the documents themselves): they answer no 401 or 403.</summary>
    private static bool IsPublic(string route) => route.Contains("/health", StringComparison.Ordinal);

    [Fact]
    public async Task Csv_bodies_and_the_policy_document_have_their_schemas()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/products/import", "/api/employees/import" })
        {
            var body = paths.GetProperty(path).GetProperty("post").GetProperty("requestBody").GetProperty("content");
            Assert.Equal("string", body.GetProperty("text/csv").GetProperty("schema").GetProperty("type").GetString());
        }

        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.Equal("#/components/schemas/PolicyDocument",
            schemas.GetProperty("PolicyRequest").GetProperty("properties").GetProperty("document").GetProperty("$ref").GetString());
        var policy = schemas.GetProperty("PolicyDocument");
        Assert.Equal(["tiers"], policy.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var tier = policy.GetProperty("properties").GetProperty("tiers").GetProperty("items");
        Assert.Equal(["id", "percent"], tier.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal));
        // Optional checkout fields are optional; the method is not.
        Assert.Equal(["method"], schemas.GetProperty("CheckoutRequest").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    /// <summary>
    /// Each valid body of <see cref="HostileInputTests"/>, sent without one field its schema calls required: an answer
    /// of 2xx means the API treats the field as optional, and the description lies. (Routes on an unknown id answer 404
    /// either way; the validators run first, so a missing required field still shows as its 400.)
    /// </summary>
    [Fact]
    public async Task A_field_described_as_required_is_one_the_api_refuses_to_go_without()
    {
        var document = await DocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var operations = Operations(document).ToDictionary(o => o.Route, o => o.Operation, StringComparer.Ordinal);
        var failures = new List<string>();
        var probed = 0;
        foreach (var (route, (caller, body)) in HostileInputTests.Bodies)
        {
            if (body is null || !operations.TryGetValue(Normalise(route), out var operation)
                || !operation.TryGetProperty("requestBody", out var requestBody)
                || !requestBody.GetProperty("content").TryGetProperty("application/json", out var json))
                continue;
            var schema = Resolve(schemas, json.GetProperty("schema"));
            if (!schema.TryGetProperty("required", out var required))
                continue;
            foreach (var field in required.EnumerateArray().Select(r => r.GetString()!))
            {
                var without = JsonNode.Parse(body)!.AsObject();
                if (!without.Remove(field))
                    continue;
                probed++;
                var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
                using var request = new HttpRequestMessage(new HttpMethod(method), HostileInputTests.Url(route))
                {
                    Content = new StringContent(without.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await store.ClientFor(caller).SendAsync(request);
                if (response.IsSuccessStatusCode)
                    failures.Add($"{route}: '{field}' is described as required, but the API answered {(int)response.StatusCode} without it");
            }
        }

        Assert.True(probed >= 8, $"only {probed} required fields probed");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : schema;

    /// <summary>A route as the endpoint writes it ("POST /api/products/", "{id:guid}") as the document writes it.</summary>
    private static string Normalise(string route) => Constraint().Replace(route, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{(\w+):\w+\}")]
    private static partial Regex Constraint();
}
