using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Scim;

/// <summary>
/// HostileInputTests for SCIM: every attribute of a valid POST, PUT and PATCH body (extension objects
/// included, whose URN keys hold dots) replaced in turn by the same hostile values, and every query
/// parameter of the list. Each answer is a success or a SCIM error (never a 5xx, never problem
/// details); a refusal writes nothing.
/// </summary>
public sealed class ScimHostileInputTests(SqliteStoreFactory store) : IClassFixture<SqliteStoreFactory>
{
    private const string Placeholder = "HOSTILEID";

    private const string User = """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "userName":"HOSTILEID@abc.example","externalId":"x-HOSTILEID","active":true,"displayName":"Hostile Person",
         "name":{"givenName":"Hostile","familyName":"Person","formatted":"Hostile Person"},
         "emails":[{"value":"HOSTILEID@abc.example","type":"work","primary":true}],
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"HOSTILEID","department":"CC-1000","organization":"ABC"},
         "urn:internalstore:params:scim:schemas:extension:employee:1.0:User":{"grade":5,"hireDate":"2019-01-01","terminationDate":"2030-01-01"}}
        """;

    private const string Patch = """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
         {"op":"replace","path":"name.givenName","value":"Hostile"},
         {"op":"Replace","path":"emails[type eq \"work\"].value","value":"HOSTILEID@abc.example"},
         {"op":"replace","value":{"active":true,"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"CC-1000"}}}]}
        """;

    [Fact]
    public async Task Every_attribute_of_every_body_is_answered_without_a_5xx_and_a_refusal_writes_nothing()
    {
        var idp = await ScimClient.ForCompanyAsync(store, "ABC");
        var target = "H" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await (await idp.SendAsync(HttpMethod.Post, ScimClient.Users, User.Replace(Placeholder, target, StringComparison.Ordinal)))
            .AssertScimAsync(HttpStatusCode.Created);

        var failures = new List<string>();
        var refused = 0;
        foreach (var (method, template) in new[] { ("POST", User), ("PUT", User), ("PATCH", Patch) })
        {
            foreach (var (path, mutated) in Mutations(JsonNode.Parse(template)!))
            {
                var id = method == "POST" ? "H" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() : target;
                var url = method == "POST" ? ScimClient.Users : $"{ScimClient.Users}/{target}";
                var before = await RowsAsync();
                using var response = await idp.SendAsync(new HttpMethod(method), url, mutated.ToJsonString().Replace(Placeholder, id, StringComparison.Ordinal));
                if (await CheckAsync(response, $"{method} {path}", before, failures))
                    refused++;
            }
        }

        foreach (var parameter in new[] { "filter", "startIndex", "count" })
        {
            foreach (var value in HostileInputTests.HostileQueryValues)
            {
                var before = await RowsAsync();
                using var response = await idp.GetAsync($"{ScimClient.Users}?{parameter}={Uri.EscapeDataString(value)}");
                if (await CheckAsync(response, $"GET {parameter}={value[..Math.Min(20, value.Length)]}", before, failures))
                    refused++;
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(40)) + $"{Environment.NewLine}({failures.Count} in all)");
        Assert.True(refused > 150, $"only {refused} refusals: the mutations did not reach the rules");
    }

    /// <summary>A success, or a SCIM error with its status, a scimType for a 400 and a detail, having written nothing. Returns whether it was refused.</summary>
    private async Task<bool> CheckAsync(HttpResponseMessage response, string sample, string before, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status < 400)
            return false;
        if (status >= 500 || response.Content.Headers.ContentType?.MediaType != ScimClient.MediaType)
        {
            failures.Add($"{sample}: {status} {text}");
            return false;
        }

        var error = JsonDocument.Parse(text).RootElement;
        if (error.GetProperty("status").GetString() != status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            || string.IsNullOrWhiteSpace(error.GetProperty("detail").GetString())
            || (status == 400 && !error.TryGetProperty("scimType", out _)))
            failures.Add($"{sample}: not a SCIM error: {text}");
        if (await RowsAsync() != before)
            failures.Add($"{sample}: refused with {status} but wrote rows");
        return true;
    }

    /// <summary>
    /// The rows a SCIM request can write (people, their history, the notices and outbox messages of a
    /// leaver's deductions): StoreRows' 34 tables before every one of ~700 requests cost most of this test.
    /// </summary>
    private async Task<string> RowsAsync()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Common.IStoreDb>();
        return string.Join(",", await db.Employees.CountAsync(), await db.EmployeeAudit.CountAsync(),
            await db.Notifications.CountAsync(), await db.OutboxMessages.CountAsync(), await db.ScimTokens.CountAsync());
    }

    /// <summary>Each value (objects and arrays included) replaced by each hostile value; keys are kept whole, dots and all.</summary>
    private static IEnumerable<(string Path, JsonNode Body)> Mutations(JsonNode body)
    {
        foreach (var path in Paths(body, []))
        {
            foreach (var value in HostileInputTests.HostileValues)
            {
                var copy = body.DeepClone();
                var parent = path[..^1].Aggregate(copy, (node, step) => step is int i ? node[i]! : node[(string)step]!);
                if (path[^1] is int index)
                    parent[index] = value?.DeepClone();
                else
                    parent[(string)path[^1]] = value?.DeepClone();
                yield return (string.Join("/", path), copy);
            }
        }
    }

    private static IEnumerable<object[]> Paths(JsonNode? node, object[] prefix)
    {
        IEnumerable<(object Step, JsonNode? Child)> children = node switch
        {
            JsonObject obj => obj.Select(p => ((object)p.Key, p.Value)),
            JsonArray array => array.Select((c, i) => ((object)i, c)),
            _ => [],
        };
        foreach (var (step, child) in children)
        {
            object[] path = [.. prefix, step];
            yield return path;
            foreach (var inner in Paths(child, path))
                yield return inner;
        }
    }
}
