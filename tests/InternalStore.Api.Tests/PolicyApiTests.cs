using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests;

/// <summary>HR discount policies: versioned drafts, validation per rule, publishing, audit.</summary>
public abstract class PolicyApiTests(StoreFactory store)
{
    private static readonly Identity GroupHr = new("H0001", ["hr"], "JKL");
    private static int _nextDay = 10;

    private static JsonObject Document(Action<JsonObject>? change = null)
    {
        var document = JsonNode.Parse("""
            {
              "tiers": [ { "id": "gold", "percent": "30", "minGrade": 7 }, { "id": "everyone", "percent": "15" } ],
              "probationDays": 30,
              "categoryRules": [ { "category": "home", "percent": "50" } ],
              "minMarginPercent": "5",
              "annualAllowance": "2000.00",
              "quantityLimits": [ { "sku": "LAP-13", "maxUnits": 1, "windowDays": 365 } ],
              "promotionStacking": "best",
              "rounding": "halfUp"
            }
            """)!.AsObject();
        change?.Invoke(document);
        return document;
    }

    private static object Draft(JsonObject document, string? company = "ABC") =>
        new { company, name = "ABC policy", document };

    private static string FutureDay() =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(Interlocked.Increment(ref _nextDay)).ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture);

    private async Task<JsonElement> CreateDraftAsync(JsonObject? document = null) =>
        await (await store.ClientFor(Identity.Hr).PostJsonAsync("/api/policies", Draft(document ?? Document())))
            .AssertJsonAsync(HttpStatusCode.Created);

    [Fact]
    public async Task The_group_default_is_the_parent_company_policy_in_force()
    {
        var versions = await (await store.ClientFor(GroupHr).GetAsync("/api/policies?company=JKL")).AssertJsonAsync(HttpStatusCode.OK);

        var groupDefault = versions.EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == 1);
        Assert.Equal("published", groupDefault.GetProperty("status").GetString());
        Assert.True(groupDefault.GetProperty("inForce").GetBoolean());
        Assert.Equal("gold", groupDefault.GetProperty("document").GetProperty("tiers")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_company_without_its_own_policy_is_priced_by_the_group_s_and_hr_can_see_which()
    {
        var xyz = await (await store.ClientFor(GroupHr).GetAsync("/api/policies/in-force?company=XYZ")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("XYZ", xyz.GetProperty("company").GetString());
        Assert.True(xyz.GetProperty("inherited").GetBoolean());
        Assert.Equal("JKL", xyz.GetProperty("policy").GetProperty("company").GetString());
        Assert.True(xyz.GetProperty("policy").GetProperty("inForce").GetBoolean());
        // ABC's HR manages ABC only: another subsidiary, or the parent, is not theirs to see.
        await (await store.ClientFor(Identity.Hr).GetAsync("/api/policies/in-force?company=XYZ")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(Identity.Hr).GetAsync("/api/policies/in-force?company=JKL")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_draft_is_created_revised_and_audited_field_by_field()
    {
        var draft = await CreateDraftAsync();
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.False(draft.GetProperty("inForce").GetBoolean());

        var revised = Document(d => d["tiers"]![0]!["percent"] = "25");
        await (await store.ClientFor(Identity.Hr).PutAsJsonAsync($"/api/policies/{id}", new { name = "ABC policy", document = revised }))
            .AssertJsonAsync(HttpStatusCode.OK);

        var audit = await (await store.ClientFor(Identity.Hr).GetAsync($"/api/policies/{id}/audit")).AssertJsonAsync(HttpStatusCode.OK);
        var entries = audit.EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "created"
                                      && e.GetProperty("field").GetString() == "document.tiers[0].percent"
                                      && e.GetProperty("after").GetString() == "30");
        var change = Assert.Single(entries, e => e.GetProperty("action").GetString() == "revised");
        Assert.Equal("document.tiers[0].percent", change.GetProperty("field").GetString());
        Assert.Equal("30", change.GetProperty("before").GetString());
        Assert.Equal("25", change.GetProperty("after").GetString());
        Assert.Equal("H9001", change.GetProperty("by").GetString());
    }

    [Fact]
    public async Task Publishing_puts_a_company_policy_in_force_and_prices_follow_it()
    {
        var employee = store.ClientFor(Identity.Employee);
        var before = await (await employee.PostJsonAsync("/api/quotes", new { lines = new[] { new { sku = "BLK-01", quantity = 1 } } }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(31.20m, before.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal()); // silver 20 % of 39.00

        var id = (await CreateDraftAsync()).GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var published = await (await store.ClientFor(Identity.Hr).PostJsonAsync($"/api/policies/{id}/publish", new { effectiveFrom = today }))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(published.GetProperty("inForce").GetBoolean());
        var after = await (await employee.PostJsonAsync("/api/quotes", new { lines = new[] { new { sku = "BLK-01", quantity = 1 } } }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(19.50m, after.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal()); // home 50 % in the ABC policy
        var allowance = await (await employee.GetAsync("/api/me/allowance")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(2000.00m, allowance.GetProperty("cap").GetDecimal());
    }

    [Fact]
    public async Task Simulation_reprices_recent_orders_side_by_side_and_touches_none()
    {
        var order = await (await store.ClientFor(Identity.Employee).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = JsonContent.Create(new { lines = new[] { new { sku = "BLK-01", quantity = 2 } } }),
        })).AssertJsonAsync(HttpStatusCode.Created);
        // A draft no other test publishes: home at 70 %.
        var draftId = (await CreateDraftAsync(Document(d => d["categoryRules"]![0]!["percent"] = "70"))).GetProperty("id").GetGuid();

        var simulation = await (await store.ClientFor(Identity.Hr).PostJsonAsync($"/api/policies/{draftId}/simulate", new { days = 7 }))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.True(simulation.GetProperty("ordersRepriced").GetInt32() >= 1);
        var change = simulation.GetProperty("largestChanges").EnumerateArray()
            .Single(c => c.GetProperty("orderId").GetGuid() == order.GetProperty("id").GetGuid());
        // In force: the group's silver 20 % (62.40), or ABC's home 50 % if another test published it (39.00).
        Assert.Equal(order.GetProperty("subtotal").GetDecimal(), change.GetProperty("inForce").GetDecimal());
        Assert.Equal(29.82m, change.GetProperty("draft").GetDecimal()); // home 70 % falls below the floor: 14.20 + 5 %, twice
        Assert.True(simulation.GetProperty("draft").GetProperty("totalDiscount").GetDecimal()
                    > simulation.GetProperty("inForce").GetProperty("totalDiscount").GetDecimal());
        Assert.NotEmpty(simulation.GetProperty("inForce").GetProperty("tiers").EnumerateArray());
        var unchanged = await (await store.ClientFor(Identity.Employee).GetAsync($"/api/orders/{order.GetProperty("id").GetGuid()}"))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(order.GetProperty("subtotal").GetDecimal(), unchanged.GetProperty("subtotal").GetDecimal());
        await (await store.ClientFor(Identity.Hr).PostJsonAsync($"/api/policies/{draftId}/simulate", new { days = 0 }))
            .AssertValidationErrorAsync("days");
    }

    [Fact]
    public async Task A_published_version_is_frozen()
    {
        var id = (await CreateDraftAsync()).GetProperty("id").GetGuid();
        var hr = store.ClientFor(Identity.Hr);
        await (await hr.PostJsonAsync($"/api/policies/{id}/publish", new { effectiveFrom = FutureDay() })).AssertJsonAsync(HttpStatusCode.OK);

        await (await hr.PutAsJsonAsync($"/api/policies/{id}", new { name = "changed", document = Document() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
        await (await hr.PostJsonAsync($"/api/policies/{id}/publish", new { effectiveFrom = FutureDay() }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
    }

    [Fact]
    public async Task Two_versions_cannot_take_effect_on_the_same_day()
    {
        var day = FutureDay();
        var hr = store.ClientFor(Identity.Hr);
        var first = (await CreateDraftAsync()).GetProperty("id").GetGuid();
        var second = (await CreateDraftAsync()).GetProperty("id").GetGuid();
        await (await hr.PostJsonAsync($"/api/policies/{first}/publish", new { effectiveFrom = day })).AssertJsonAsync(HttpStatusCode.OK);

        await (await hr.PostJsonAsync($"/api/policies/{second}/publish", new { effectiveFrom = day }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "invalid-state");
    }

    [Fact]
    public async Task A_policy_cannot_take_effect_in_the_past()
    {
        var id = (await CreateDraftAsync()).GetProperty("id").GetGuid();

        var response = await store.ClientFor(Identity.Hr).PostJsonAsync($"/api/policies/{id}/publish", new { effectiveFrom = "2020-01-01" });

        await response.AssertValidationErrorAsync("effectiveFrom");
    }

    public static TheoryData<string, string> BadDocuments => new()
    {
        { """{"tiers":[{"id":"gold","percent":"120"}]}""", "document.tiers[0].percent" },
        { """{"tiers":[{"id":"gold","percent":"-1"}]}""", "document.tiers[0].percent" },
        { """{"tiers":[{"id":"a","percent":"10","minGrade":5},{"id":"a","percent":"5"}]}""", "document.tiers[1].id" },
        { """{"tiers":[{"id":"all","percent":"10"},{"id":"gold","percent":"30","minGrade":7}]}""", "document.tiers[1]" },
        { """{"categoryRules":[{"category":"spaceships","exclude":true}]}""", "document.categoryRules[0].category" },
        { """{"categoryRules":[{"category":"home","maxPercent":"150"}]}""", "document.categoryRules[0].maxPercent" },
        { """{"annualAllowance":"-5"}""", "document.annualAllowance" },
        { """{"quantityLimits":[{"sku":"NOPE","maxUnits":1,"windowDays":30}]}""", "document.quantityLimits[0].sku" },
        { """{"quantityLimits":[{"sku":"LAP-13","maxUnits":1,"windowDays":0}]}""", "document.quantityLimits[0].windowDays" },
        { """{"rounding":"up"}""", "document" },
        { """{"tiers":[{"percent":"10"}]}""", "document" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task A_broken_rule_is_a_400_naming_it(string document, string field)
    {
        var response = await store.ClientFor(Identity.Hr).PostJsonAsync("/api/policies",
            Draft(JsonNode.Parse(document)!.AsObject()));

        await response.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task Hr_of_a_subsidiary_cannot_manage_another_company_or_the_group_default()
    {
        var hr = store.ClientFor(Identity.Hr);

        await (await hr.PostJsonAsync("/api/policies", Draft(Document(), "XYZ"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await hr.PostJsonAsync("/api/policies", Draft(Document(), "JKL"))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var groupVersions = await (await store.ClientFor(GroupHr).GetAsync("/api/policies?company=JKL")).AssertJsonAsync(HttpStatusCode.OK);
        var groupId = groupVersions[0].GetProperty("id").GetGuid();
        await (await hr.GetAsync($"/api/policies/{groupId}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await hr.GetAsync($"/api/policies/{groupId}/audit")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("employee")]
    [InlineData("finance")]
    [InlineData("catalog")]
    public async Task Policies_are_for_hr_only(string role)
    {
        var client = store.ClientFor(new Identity("P5", [role]));

        await (await client.GetAsync("/api/policies")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await client.PostJsonAsync("/api/policies", Draft(Document()))).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task An_unknown_policy_is_404()
    {
        var response = await store.ClientFor(Identity.Hr).GetAsync($"/api/policies/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}

public sealed class PolicyApiTestsOnSqlite(SqliteStoreFactory store) : PolicyApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class PolicyApiTestsOnPostgres(PostgresStoreFactory store) : PolicyApiTests(store), IClassFixture<PostgresStoreFactory>;
