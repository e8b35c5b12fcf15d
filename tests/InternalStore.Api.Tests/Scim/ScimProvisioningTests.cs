using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Scim;

/// <summary>
/// The request sequences of Okta's and Microsoft Entra's SCIM provisioning (create, find by userName,
/// update, deactivate, reactivate, delete), as each sends them, and what they do to the store: prices,
/// subscriptions, the audit trail.
/// </summary>
public abstract class ScimProvisioningTests(StoreFactory store)
{
    private static string NewId() => "S" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private async Task<string> PricedAsAsync(string id) => (await (await store.ClientFor(new Identity(id, ["employee"])).PostJsonAsync("/api/quotes",
            new { lines = new[] { new { sku = "DSL-12", quantity = 1 } } })).AssertJsonAsync(HttpStatusCode.OK))
        .GetProperty("pricedAs").GetString()!;

    private async Task<List<(string Field, string? Before, string? After, string By)>> AuditAsync(string id) =>
        (await (await store.ClientFor(Identity.GroupHr).GetAsync($"/api/employees/{id}/audit")).AssertJsonAsync(HttpStatusCode.OK))
        .EnumerateArray().Select(a => (a.GetProperty("field").GetString()!, a.GetProperty("before").GetString(),
            a.GetProperty("after").GetString(), a.GetProperty("by").GetString()!)).ToList();

    [Fact]
    public async Task Okta_creates_finds_updates_deactivates_and_reactivates_a_person()
    {
        var okta = await ScimClient.ForCompanyAsync(store, "ABC");
        var id = NewId();
        var userName = $"{id.ToLowerInvariant()}@abc.example";

        // Okta's first calls: a page of one, then a look-up of a userName that does not exist.
        var page = await (await okta.GetAsync($"{ScimClient.Users}?startIndex=1&count=1")).AssertScimAsync(HttpStatusCode.OK);
        Assert.Equal(["urn:ietf:params:scim:api:messages:2.0:ListResponse"], page.GetProperty("schemas").EnumerateArray().Select(s => s.GetString()));
        Assert.True(page.GetProperty("itemsPerPage").GetInt32() <= 1);
        Assert.Equal(1, page.GetProperty("startIndex").GetInt32());
        Assert.Equal(0, (await (await okta.FindAsync("userName", userName)).AssertScimAsync(HttpStatusCode.OK)).Total());

        var oktaUser = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"{{userName}}","name":{"givenName":"Ada","familyName":"Lovelace"},
             "emails":[{"primary":true,"value":"{{userName}}","type":"work"}],"displayName":"Ada Lovelace","locale":"en-US",
             "externalId":"00u{{id}}","groups":[],"password":"1mz050nq","active":true,
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{{id}}","department":"CC-1000"},
             "urn:internalstore:params:scim:schemas:extension:employee:1.0:User":{"grade":6,"hireDate":"2015-03-02"} }
            """;
        using var createdResponse = await okta.SendAsync(HttpMethod.Post, ScimClient.Users, oktaUser);
        var created = await createdResponse.AssertScimAsync(HttpStatusCode.Created);
        Assert.Equal(id, created.GetProperty("id").GetString());
        Assert.Equal($"/scim/v2/Users/{id}", createdResponse.Headers.Location?.AbsolutePath);
        Assert.True(created.GetProperty("active").GetBoolean());
        Assert.False(created.TryGetProperty("password", out _));
        Assert.Equal("ABC", created.Enterprise().GetProperty("organization").GetString());
        Assert.Equal("User", created.GetProperty("meta").GetProperty("resourceType").GetString());

        var fetched = await (await okta.GetAsync($"{ScimClient.Users}/{id}")).AssertScimAsync(HttpStatusCode.OK);
        Assert.Equal(userName, fetched.GetProperty("userName").GetString());
        var found = await (await okta.FindAsync("userName", userName.ToUpperInvariant())).AssertScimAsync(HttpStatusCode.OK);
        Assert.Equal(1, found.Total()); // userName is case-insensitive
        Assert.Equal(id, found.GetProperty("Resources")[0].GetProperty("id").GetString());
        await (await okta.SendAsync(HttpMethod.Post, ScimClient.Users, oktaUser)).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await (await okta.GetAsync($"{ScimClient.Users}/{NewId()}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal("employee", await PricedAsAsync(id));

        // A profile change: Okta sends the whole user with PUT.
        var renamed = oktaUser.Replace("\"Lovelace\"", "\"King\"", StringComparison.Ordinal).Replace("Ada Lovelace", "Ada King", StringComparison.Ordinal);
        var updated = await (await okta.SendAsync(HttpMethod.Put, $"{ScimClient.Users}/{id}", renamed)).AssertScimAsync(HttpStatusCode.OK);
        Assert.Equal("Ada King", updated.GetProperty("displayName").GetString());
        Assert.Equal("King", updated.GetProperty("name").GetProperty("familyName").GetString());

        // Deactivation and reactivation: PATCH with a value object and no path.
        var deactivated = await (await okta.PatchAsync(id, """[{"op":"replace","value":{"active":false}}]""")).AssertScimAsync(HttpStatusCode.OK);
        Assert.False(deactivated.GetProperty("active").GetBoolean());
        Assert.Equal("external", await PricedAsAsync(id));
        var record = await (await store.ClientFor(Identity.GroupHr).GetAsync($"/api/employees/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("terminated", record.GetProperty("status").GetString());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            record.GetProperty("terminationDate").GetString());

        var reactivated = await (await okta.PatchAsync(id, """[{"op":"replace","value":{"active":true}}]""")).AssertScimAsync(HttpStatusCode.OK);
        Assert.True(reactivated.GetProperty("active").GetBoolean());
        Assert.Equal("employee", await PricedAsAsync(id));

        var audit = await AuditAsync(id);
        var by = okta.Token[..12];
        Assert.All(audit, a => Assert.Equal(by, a.By));
        Assert.Contains(audit, a => a is { Field: "name", Before: null, After: "Ada Lovelace" }); // the creation, field by field
        Assert.Contains(audit, a => a is { Field: "grade", Before: null, After: "6" });
        Assert.Contains(audit, a => a is { Field: "name", Before: "Ada Lovelace", After: "Ada King" });
        Assert.Contains(audit, a => a is { Field: "status", Before: "active", After: "terminated" });
        Assert.Contains(audit, a => a is { Field: "status", Before: "terminated", After: "active" });
    }

    [Fact]
    public async Task Entra_creates_finds_patches_deactivates_reactivates_and_deletes_a_person()
    {
        var entra = await ScimClient.ForCompanyAsync(store, "ABC");
        var id = NewId();
        var upn = $"{id.ToLowerInvariant()}@contoso.example";
        Assert.Equal(0, (await (await entra.FindAsync("userName", upn)).AssertScimAsync(HttpStatusCode.OK)).Total());

        var entraUser = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"{{id.ToLowerInvariant()}}","userName":"{{upn}}","active":true,"displayName":"Grace Hopper",
             "emails":[{"primary":true,"type":"work","value":"grace.{{id.ToLowerInvariant()}}@abc.example"}],
             "meta":{"resourceType":"User"},"name":{"formatted":"Grace Hopper","familyName":"Hopper","givenName":"Grace"},
             "roles":[],"title":"Rear Admiral",
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{{id}}","department":"Dispatch","organization":"ABC Goods"},
             "urn:internalstore:params:scim:schemas:extension:employee:1.0:User":{"hireDate":"2019-05-01T00:00:00Z","grade":"5"} }
            """;
        var created = await (await entra.SendAsync(HttpMethod.Post, ScimClient.Users, entraUser)).AssertScimAsync(HttpStatusCode.Created);
        Assert.Equal("CC-1200", created.Enterprise().GetProperty("department").GetString()); // Entra sends the department's name
        Assert.Equal("ABC", created.Enterprise().GetProperty("organization").GetString());
        Assert.Equal(1, (await (await entra.FindAsync("externalId", id.ToLowerInvariant())).AssertScimAsync(HttpStatusCode.OK)).Total());
        Assert.Equal("employee", await PricedAsAsync(id)); // Entra maps employeeHireDate (a dateTime) and a grade to the store's extension

        // Entra's attribute updates: several operations, capitalised, with paths (filtered, qualified by a URN, of no schema the store keeps).
        var patched = await (await entra.PatchAsync(id, $$"""
            [{"op":"Replace","path":"displayName","value":"Grace B. Hopper"},
             {"op":"Replace","path":"emails[type eq \"work\"].value","value":"grace.hopper.{{id.ToLowerInvariant()}}@abc.example"},
             {"op":"Replace","path":"name.familyName","value":"B. Hopper"},
             {"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Marketing"},
             {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"E1002"},
             {"op":"Add","path":"urn:example:params:scim:schemas:extension:contoso:2.0:User:badge","value":"42"},
             {"op":"Add","path":"title","value":"Commodore"}]
            """)).AssertScimAsync(HttpStatusCode.OK);
        Assert.Equal("Grace B. Hopper", patched.GetProperty("displayName").GetString());
        Assert.Equal($"grace.hopper.{id.ToLowerInvariant()}@abc.example", patched.GetProperty("emails")[0].GetProperty("value").GetString());
        Assert.Equal("B. Hopper", patched.GetProperty("name").GetProperty("familyName").GetString());
        Assert.Equal("CC-5100", patched.Enterprise().GetProperty("department").GetString());
        var record = await (await store.ClientFor(Identity.GroupHr).GetAsync($"/api/employees/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("CC-5100", record.GetProperty("costCenter").GetString());
        Assert.Equal("Grace B. Hopper", record.GetProperty("name").GetString());

        // A change of a name's part alone composes the shown name again.
        var given = await (await entra.PatchAsync(id, """[{"op":"Replace","path":"name.givenName","value":"Amazing Grace"}]""")).AssertScimAsync(HttpStatusCode.OK);
        Assert.Equal("Amazing Grace B. Hopper", given.GetProperty("displayName").GetString());

        // Entra's deactivation, with the boolean as a string (its default before the 2020 compliance fix) and as a boolean.
        await (await entra.PatchAsync(id, """[{"op":"Replace","path":"active","value":"False"}]""")).AssertScimAsync(HttpStatusCode.OK);
        Assert.Equal("external", await PricedAsAsync(id));
        await (await entra.PatchAsync(id, """[{"op":"replace","path":"active","value":true}]""")).AssertScimAsync(HttpStatusCode.OK);
        Assert.Equal("employee", await PricedAsAsync(id));

        // Delete: the person leaves and is no longer provisioned; the record stays.
        using (var deleted = await entra.Http.DeleteAsync($"{ScimClient.Users}/{id}"))
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await (await entra.GetAsync($"{ScimClient.Users}/{id}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await entra.Http.DeleteAsync($"{ScimClient.Users}/{id}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await entra.FindAsync("userName", upn)).AssertScimAsync(HttpStatusCode.OK)).Total());
        var kept = await (await store.ClientFor(Identity.GroupHr).GetAsync($"/api/employees/{id}")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("terminated", kept.GetProperty("status").GetString());
        Assert.Equal("external", await PricedAsAsync(id));

        // A rehire: the same employee number provisioned again takes the record back.
        var rehired = await (await entra.SendAsync(HttpMethod.Post, ScimClient.Users, entraUser)).AssertScimAsync(HttpStatusCode.Created);
        Assert.True(rehired.GetProperty("active").GetBoolean());
        Assert.Equal("employee", await PricedAsAsync(id));
        var audit = await AuditAsync(id);
        Assert.Contains(audit, a => a is { Field: "userName", After: null }); // the delete
        Assert.Equal(2, audit.Count(a => a is { Field: "userName", Before: null }));
    }

    [Fact]
    public async Task A_roster_record_is_taken_over_by_the_first_provisioning_and_a_leaver_s_subscriptions_end()
    {
        var okta = await ScimClient.ForCompanyAsync(store, "ABC");
        var id = NewId();
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Application.Common.IStoreDb>();
            db.Employees.Add(new Domain.People.Employee(id, "Roster Person", $"{id}@abc.example", "ABC", "CC-1000", 4, new DateOnly(2016, 2, 1)));
            await db.SaveChangesAsync();
        }

        using (var subscribe = await store.ClientFor(new Identity(id, ["employee"])).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/subscriptions")
               {
                   Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
                   Content = JsonContent.Create(new { plan = "AUD-TEAM" }),
               }))
            await subscribe.AssertJsonAsync(HttpStatusCode.Created);

        var user = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{id}}@abc.example","name":{"givenName":"Roster","familyName":"Person"},
             "emails":[{"value":"{{id}}@abc.example","primary":true}],"active":true,
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{{id}}"} }
            """;
        var taken = await (await okta.SendAsync(HttpMethod.Post, ScimClient.Users, user)).AssertScimAsync(HttpStatusCode.Created);
        Assert.Equal("CC-1000", taken.Enterprise().GetProperty("department").GetString()); // not asserted: kept
        var extension = taken.GetProperty("urn:internalstore:params:scim:schemas:extension:employee:1.0:User");
        Assert.Equal(4, extension.GetProperty("grade").GetInt32());
        Assert.Equal("2016-02-01", extension.GetProperty("hireDate").GetString());

        await (await okta.PatchAsync(id, """[{"op":"replace","value":{"active":false}}]""")).AssertScimAsync(HttpStatusCode.OK);
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Application.Common.IStoreDb>();
            var subscriptions = await db.Subscriptions.AsNoTracking().Where(s => s.EmployeeId == id).ToListAsync();
            Assert.NotEmpty(subscriptions);
            Assert.All(subscriptions, s => Assert.NotNull(s.EndsOn)); // they end with the final pay
        }
    }

    [Fact]
    public async Task A_subsidiary_s_token_reaches_only_its_company_and_the_parent_s_reaches_the_group()
    {
        var xyz = await ScimClient.ForCompanyAsync(store, "XYZ");
        var abc = await ScimClient.ForCompanyAsync(store, "ABC");
        var group = await ScimClient.ForCompanyAsync(store, "JKL");
        var id = NewId();
        var user = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{id}}@xyz.example","emails":[{"value":"{{id}}@xyz.example"}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{{id}}","department":"CC-2000"} }
            """;
        var created = await (await xyz.SendAsync(HttpMethod.Post, ScimClient.Users, user)).AssertScimAsync(HttpStatusCode.Created);
        Assert.Equal("XYZ", created.Enterprise().GetProperty("organization").GetString());
        var before = await StoreRows.CountAsync(store);

        await (await abc.GetAsync($"{ScimClient.Users}/{id}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await abc.FindAsync("userName", $"{id}@xyz.example")).AssertScimAsync(HttpStatusCode.OK)).Total());
        await (await abc.SendAsync(HttpMethod.Put, $"{ScimClient.Users}/{id}", user)).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await abc.PatchAsync(id, """[{"op":"replace","value":{"active":false}}]""")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await abc.Http.DeleteAsync($"{ScimClient.Users}/{id}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        var intoXyz = user.Replace(id, NewId(), StringComparison.Ordinal).Replace("\"CC-2000\"", "\"CC-2000\",\"organization\":\"XYZ\"", StringComparison.Ordinal);
        await (await abc.SendAsync(HttpMethod.Post, ScimClient.Users, intoXyz)).AssertScimErrorAsync(HttpStatusCode.Forbidden);
        var sameNumber = user.Replace($"{id}@xyz.example", $"{id}@abc.example", StringComparison.Ordinal).Replace("CC-2000", "CC-1000", StringComparison.Ordinal);
        await (await abc.SendAsync(HttpMethod.Post, ScimClient.Users, sameNumber)).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal(before, await StoreRows.CountAsync(store));

        // A company the organisation knows but outside the group (another group's parent): none of the group's people.
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Application.Common.IStoreDb>();
            if (!await db.Companies.AnyAsync(c => c.Code == "QRS"))
            {
                db.Companies.Add(new Domain.People.Company("QRS", "QRS Outside Group", null));
                await db.SaveChangesAsync();
            }
        }

        var outside = await ScimClient.ForCompanyAsync(store, "QRS");
        before = await StoreRows.CountAsync(store);
        await (await outside.GetAsync($"{ScimClient.Users}/{id}")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await outside.FindAsync("userName", $"{id}@xyz.example")).AssertScimAsync(HttpStatusCode.OK)).Total());
        await (await outside.PatchAsync(id, """[{"op":"replace","value":{"active":false}}]""")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await outside.SendAsync(HttpMethod.Post, ScimClient.Users, intoXyz)).AssertScimErrorAsync(HttpStatusCode.Forbidden);
        Assert.Equal(before, await StoreRows.CountAsync(store));

        var seen = await (await group.GetAsync($"{ScimClient.Users}/{id}")).AssertScimAsync(HttpStatusCode.OK);
        Assert.True(seen.GetProperty("active").GetBoolean());
        // The subsidiary's people are the parent's to provision too: a move between them is not.
        await (await group.PatchAsync(id, """[{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:organization","value":"ABC"}]"""))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
    }

    [Fact]
    public async Task Credentials_other_than_a_valid_scim_token_are_refused_at_scim_and_a_scim_token_nowhere_else()
    {
        var abc = await ScimClient.ForCompanyAsync(store, "ABC");
        await (await store.CreateClient().GetAsync(ScimClient.Users)).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        var person = await store.ClientFor(Identity.GroupHr).GetAsync(ScimClient.Users);
        await person.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", person.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var unknown = await (await ScimClient.For(store, "scim_not-a-token").GetAsync(ScimClient.Users)).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("unknown or revoked", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await abc.GetAsync("/api/employees")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        await (await abc.GetAsync(ScimClient.Users)).AssertScimAsync(HttpStatusCode.OK);
        await using (var scope = store.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Mediator.ISender>()
                .Send(new Application.Provisioning.RevokeScimTokenCommand(Application.Common.Caller.System, abc.Token[..12]));
        await (await abc.GetAsync(ScimClient.Users)).AssertScimErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Paging_follows_startIndex_and_count()
    {
        var company = "P" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Application.Common.IStoreDb>();
            db.Companies.Add(new Domain.People.Company(company, company + " Ltd", "JKL"));
            await db.SaveChangesAsync();
        }

        var idp = await ScimClient.ForCompanyAsync(store, company);
        var ids = Enumerable.Range(1, 5).Select(i => $"{company}-{i}").ToList();
        foreach (var id in ids)
            await (await idp.SendAsync(HttpMethod.Post, ScimClient.Users, $$"""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{id}}@p.example",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{{id}}"} }
                """)).AssertScimAsync(HttpStatusCode.Created);

        async Task<(int Total, int Start, string Ids)> PageAsync(string query)
        {
            var list = await (await idp.GetAsync($"{ScimClient.Users}?{query}")).AssertScimAsync(HttpStatusCode.OK);
            var resources = list.GetProperty("Resources").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
            Assert.Equal(resources.Count, list.GetProperty("itemsPerPage").GetInt32());
            return (list.Total(), list.GetProperty("startIndex").GetInt32(), string.Join(",", resources));
        }

        string Ids(Range range) => string.Join(",", ids[range]);

        Assert.Equal((5, 1, Ids(..2)), await PageAsync("startIndex=1&count=2"));
        Assert.Equal((5, 3, Ids(2..4)), await PageAsync("startIndex=3&count=2"));
        Assert.Equal((5, 5, Ids(4..)), await PageAsync("startIndex=5&count=2"));
        Assert.Equal((5, 6, ""), await PageAsync("startIndex=6&count=2"));
        Assert.Equal((5, 1, ""), await PageAsync("count=0")); // the total alone
        Assert.Equal((5, 1, Ids(..)), await PageAsync("startIndex=0&count=1000")); // below 1 is 1; above the maximum is the maximum
        Assert.Equal((5, 1, ""), await PageAsync("count=-3"));
        Assert.Equal((1, 1, Ids(1..2)), await PageAsync($"filter={Uri.EscapeDataString($"userName eq \"{ids[1].ToUpperInvariant()}@P.EXAMPLE\"")}"));
        await (await idp.GetAsync($"{ScimClient.Users}?startIndex=abc")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await (await idp.GetAsync($"{ScimClient.Users}?count=1.5")).AssertScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Theory]
    [InlineData("POST", "", "{not json", "invalidSyntax")]
    [InlineData("POST", "", "[]", "invalidSyntax")]
    [InlineData("POST", "", """{"schemas":[],"emails":[{"value":"x@abc.example"}]}""", "invalidValue")] // no userName
    [InlineData("POST", "", """{"userName":"nobody-{n}@abc.example"}""", "invalidValue")] // no employee number
    [InlineData("POST", "", """{"userName":"u-{n}","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{n}"} }""", "invalidValue")] // no email
    [InlineData("POST", "", """{"userName":"u-{n}@abc.example","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{n}","department":"Nowhere"} }""", "invalidValue")]
    [InlineData("POST", "", """{"userName":"u-{n}@abc.example","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{n}","organization":"Nope Inc"} }""", "invalidValue")]
    [InlineData("POST", "", """{"userName":"u-{n}@abc.example","urn:internalstore:params:scim:schemas:extension:employee:1.0:User":{"grade":"high"},"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{n}"} }""", "invalidValue")]
    [InlineData("POST", "", """{"userName":"u-{n}@abc.example","active":"maybe","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{n}"} }""", "invalidValue")]
    [InlineData("PUT", "/E1001", """{"userName":"x@abc.example"}""", null)] // not provisioned: 404
    [InlineData("PATCH", "/{user}", """{"Operations":[{"op":"replace","value":{"active":false}}]}""", "invalidSyntax")] // no PatchOp schema
    [InlineData("PATCH", "/{user}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[]}""", "invalidSyntax")]
    [InlineData("PATCH", "/{user}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"move","path":"active"}]}""", "invalidSyntax")]
    [InlineData("PATCH", "/{user}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove"}]}""", "noTarget")]
    [InlineData("PATCH", "/{user}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"emails[type eq work].value","value":"a@b.c"}]}""", "invalidPath")]
    [InlineData("PATCH", "/{user}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber","value":"E9999"}]}""", "mutability")]
    [InlineData("PATCH", "/{user}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"userName"}]}""", "invalidValue")]
    [InlineData("GET", "?filter=name.givenName%20sw%20%22A%22", "", "invalidFilter")]
    [InlineData("GET", "?filter=userName%20eq%20unquoted", "", "invalidFilter")]
    public async Task Every_error_is_answered_in_scim_s_format_and_writes_nothing(string method, string suffix, string body, string? scimType)
    {
        var idp = await ScimClient.ForCompanyAsync(store, "ABC");
        var user = NewId();
        await (await idp.SendAsync(HttpMethod.Post, ScimClient.Users, $$"""
            {"userName":"{{user}}@abc.example","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{{user}}"} }
            """)).AssertScimAsync(HttpStatusCode.Created);
        var before = await StoreRows.CountAsync(store);

        var url = ScimClient.Users + suffix.Replace("{user}", user, StringComparison.Ordinal);
        using var response = method == "GET"
            ? await idp.GetAsync(url)
            : await idp.SendAsync(new HttpMethod(method), url, body.Replace("{n}", NewId(), StringComparison.Ordinal));

        await response.AssertScimErrorAsync(scimType is null ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest, scimType);
        Assert.Equal(before, await StoreRows.CountAsync(store));
    }

    [Fact]
    public async Task The_service_provider_describes_itself_and_unknown_resources_are_scim_404s()
    {
        var anonymous = store.CreateClient();
        var config = await (await anonymous.GetAsync("/scim/v2/ServiceProviderConfig")).AssertScimAsync(HttpStatusCode.OK);
        Assert.True(config.GetProperty("patch").GetProperty("supported").GetBoolean());
        Assert.False(config.GetProperty("bulk").GetProperty("supported").GetBoolean());
        Assert.Equal(200, config.GetProperty("filter").GetProperty("maxResults").GetInt32());
        Assert.Equal("oauthbearertoken", config.GetProperty("authenticationSchemes")[0].GetProperty("type").GetString());

        var types = await (await anonymous.GetAsync("/scim/v2/ResourceTypes")).AssertScimAsync(HttpStatusCode.OK);
        var user = types.GetProperty("Resources").EnumerateArray().Single();
        Assert.Equal("/Users", user.GetProperty("endpoint").GetString());
        Assert.Equal(2, user.GetProperty("schemaExtensions").GetArrayLength());
        await (await anonymous.GetAsync("/scim/v2/ResourceTypes/User")).AssertScimAsync(HttpStatusCode.OK);
        await (await anonymous.GetAsync("/scim/v2/ResourceTypes/Group")).AssertScimErrorAsync(HttpStatusCode.NotFound);

        var schemas = await (await anonymous.GetAsync("/scim/v2/Schemas")).AssertScimAsync(HttpStatusCode.OK);
        var ids = schemas.GetProperty("Resources").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
            "urn:internalstore:params:scim:schemas:extension:employee:1.0:User"], ids);
        var enterprise = await (await anonymous.GetAsync("/scim/v2/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"))
            .AssertScimAsync(HttpStatusCode.OK);
        Assert.Contains(enterprise.GetProperty("attributes").EnumerateArray(),
            a => a.GetProperty("name").GetString() == "employeeNumber" && a.GetProperty("mutability").GetString() == "immutable");

        var idp = await ScimClient.ForCompanyAsync(store, "ABC");
        await (await idp.GetAsync("/scim/v2/Groups")).AssertScimErrorAsync(HttpStatusCode.NotFound);
        await (await idp.SendAsync(HttpMethod.Post, "/scim/v2/Users/E1001", "{}")).AssertScimErrorAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Two_providers_creating_one_userName_at_once_make_one_person()
    {
        var first = await ScimClient.ForCompanyAsync(store, "ABC");
        var second = await ScimClient.ForCompanyAsync(store, "ABC");
        var userName = $"{NewId()}@abc.example";
        string Body() => $$"""
            {"userName":"{{userName}}","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"{{NewId()}}"} }
            """;
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? first : second).SendAsync(HttpMethod.Post, ScimClient.Users, Body())));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal(1, (await (await first.FindAsync("userName", userName)).AssertScimAsync(HttpStatusCode.OK)).Total());
    }
}

public sealed class ScimProvisioningTestsOnSqlite(SqliteStoreFactory store) : ScimProvisioningTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class ScimProvisioningTestsOnPostgres(PostgresStoreFactory store) : ScimProvisioningTests(store), IClassFixture<PostgresStoreFactory>;

/// <summary>The operator's side, once (each CLI process costs seconds; the handlers it sends are the ones the suites above test on both databases).</summary>
public sealed class ScimTokenCliTests(SqliteStoreFactory store) : IClassFixture<SqliteStoreFactory>
{
    [Fact]
    public async Task The_cli_creates_lists_and_revokes_tokens()
    {
        var created = await CliRunner.RunAsync(store.CliEnvironment, "scim-token", "create", "--company", "XYZ", "--name", "Entra ID");
        Assert.True(created.ExitCode == 0, created.StdErr);
        var token = created.Lines[^1];
        Assert.StartsWith("scim_", token, StringComparison.Ordinal);
        var idp = ScimClient.For(store, token);
        await (await idp.GetAsync(ScimClient.Users)).AssertScimAsync(HttpStatusCode.OK);

        var listed = await CliRunner.RunAsync(store.CliEnvironment, "scim-token", "list");
        Assert.Contains(listed.Lines, l => l.Contains(token[..12], StringComparison.Ordinal) && l.Contains("\tXYZ\tEntra ID\t", StringComparison.Ordinal));
        Assert.DoesNotContain(token, listed.StdOut, StringComparison.Ordinal);
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var hash = Domain.Access.Secret.HashOf(token);
            var db = scope.ServiceProvider.GetRequiredService<Application.Common.IStoreDb>();
            Assert.True(await db.ScimTokens.AnyAsync(t => t.Hash == hash)); // the hash is kept, never the token
        }

        var revoked = await CliRunner.RunAsync(store.CliEnvironment, "scim-token", "revoke", token[..12]);
        Assert.True(revoked.ExitCode == 0, revoked.StdErr);
        // The CLI is another process: the API drops its cached copy of the token within Pricing:CacheSeconds.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var answer = await idp.GetAsync(ScimClient.Users);
        while (answer.StatusCode != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            answer = await idp.GetAsync(ScimClient.Users);
        }

        await answer.AssertScimErrorAsync(HttpStatusCode.Unauthorized);
    }
}
