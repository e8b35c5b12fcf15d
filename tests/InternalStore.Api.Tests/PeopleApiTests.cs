using System.Net;
using System.Net.Http.Json;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>HR's read access to the roster, scoped to their company and the companies below it.</summary>
public abstract class PeopleApiTests(StoreFactory store)
{
    [Fact]
    public async Task Hr_of_a_subsidiary_sees_its_own_people_only()
    {
        var page = await (await store.ClientFor(Identity.Hr).GetAsync("/api/employees?pageSize=100"))
            .AssertJsonAsync(HttpStatusCode.OK);

        var people = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(people, p => p.GetProperty("id").GetString() == "E1001");
        Assert.All(people, p => Assert.Equal("ABC", p.GetProperty("company").GetString()));
        await (await store.ClientFor(Identity.Hr).GetAsync("/api/employees/E2001"))
            .AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Hr_of_the_parent_company_sees_the_whole_group()
    {
        var groupHr = new Identity("H0001", ["hr"], "JKL");

        var page = await (await store.ClientFor(groupHr).GetAsync("/api/employees?pageSize=100"))
            .AssertJsonAsync(HttpStatusCode.OK);

        var companies = page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("company").GetString()).ToHashSet();
        Assert.Equal(["ABC", "XYZ"], companies.Order());
    }

    [Fact]
    public async Task The_demo_people_are_as_api_md_says()
    {
        var client = store.ClientFor(Identity.Hr);

        var alice = await (await client.GetAsync("/api/employees/E1001")).AssertJsonAsync(HttpStatusCode.OK);
        var terminated = await (await client.GetAsync("/api/employees/E1004")).AssertJsonAsync(HttpStatusCode.OK);
        var probation = await (await client.GetAsync("/api/employees/E1003")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(5, alice.GetProperty("grade").GetInt32());
        Assert.Equal("active", alice.GetProperty("status").GetString());
        Assert.StartsWith("2018-", alice.GetProperty("hireDate").GetString(), StringComparison.Ordinal);
        Assert.Equal("terminated", terminated.GetProperty("status").GetString());
        var hired = DateOnly.Parse(probation.GetProperty("hireDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30), hired);
    }

    [Fact]
    public async Task Filters_by_status_and_search()
    {
        var client = store.ClientFor(Identity.Hr);

        var terminated = await (await client.GetAsync("/api/employees?status=terminated")).AssertJsonAsync(HttpStatusCode.OK);
        var search = await (await client.GetAsync("/api/employees?q=moreau")).AssertJsonAsync(HttpStatusCode.OK);

        var leavers = terminated.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(leavers, p => p.GetProperty("id").GetString() == "E1004");
        Assert.All(leavers, p => Assert.Equal("terminated", p.GetProperty("status").GetString()));
        Assert.Equal(["E1001"], search.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        await (await client.GetAsync("/api/employees?status=fired")).AssertValidationErrorAsync("status");
    }

    [Theory]
    [InlineData("employee")]
    [InlineData("finance")]
    [InlineData("catalog")]
    [InlineData("department-buyer")]
    public async Task The_roster_is_for_hr_only(string role)
    {
        var client = store.ClientFor(new Identity("P3", [role]));

        await (await client.GetAsync("/api/employees")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await client.GetAsync("/api/employees/E1001")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Hr_changes_an_employee_audited_field_by_field_and_prices_follow()
    {
        var hr = store.ClientFor(Identity.Hr);
        var id = "T" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InternalStore.Application.Common.IStoreDb>();
            db.Employees.Add(new InternalStore.Domain.People.Employee(id, "Temp Worker", $"{id}@abc.example", "ABC", "CC-1000", 2,
                new DateOnly(2015, 5, 4)));
            await db.SaveChangesAsync();
        }

        var buyer = store.ClientFor(new Identity(id, ["employee"]));
        async Task<string> PricedAsAsync() => (await (await buyer.PostJsonAsync("/api/quotes",
                new { lines = new[] { new { sku = "DSL-12", quantity = 1 } } })).AssertJsonAsync(HttpStatusCode.OK))
            .GetProperty("pricedAs").GetString()!;
        Assert.Equal("employee", await PricedAsAsync());

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var changed = await (await hr.PutAsJsonAsync($"/api/employees/{id}", new
        {
            name = "Temp Worker", email = $"{id}@abc.example", costCenter = "CC-1200", grade = 5, status = "terminated",
            hireDate = "2015-05-04", terminationDate = today,
        })).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("terminated", changed.GetProperty("status").GetString());
        Assert.Equal("external", await PricedAsAsync()); // terminated today: priced as external from today
        var audit = await (await hr.GetAsync($"/api/employees/{id}/audit")).AssertJsonAsync(HttpStatusCode.OK);
        var fields = audit.EnumerateArray().Select(a => a.GetProperty("field").GetString()).Order().ToList();
        Assert.Equal(["costCenter", "grade", "status", "terminationDate"], fields);
        var grade = audit.EnumerateArray().Single(a => a.GetProperty("field").GetString() == "grade");
        Assert.Equal("2", grade.GetProperty("before").GetString());
        Assert.Equal("5", grade.GetProperty("after").GetString());
        Assert.Equal("H9001", grade.GetProperty("by").GetString());
    }

    [Theory]
    [InlineData("{\"name\":\"X\",\"email\":\"x@abc.example\",\"grade\":-1,\"status\":\"active\",\"hireDate\":\"2018-01-01\"}", "grade")]
    [InlineData("{\"name\":\"X\",\"email\":\"x@abc.example\",\"grade\":3,\"status\":\"fired\",\"hireDate\":\"2018-01-01\"}", "status")]
    [InlineData("{\"name\":\"X\",\"email\":\"x@abc.example\",\"grade\":3,\"status\":\"terminated\",\"hireDate\":\"2018-01-01\"}", "terminationDate")]
    [InlineData("{\"name\":\"X\",\"email\":\"not-an-email\",\"grade\":3,\"status\":\"active\",\"hireDate\":\"2018-01-01\"}", "email")]
    [InlineData("{\"name\":\"X\",\"email\":\"x@abc.example\",\"grade\":3,\"status\":\"active\",\"hireDate\":\"2018-01-01\",\"costCenter\":\"CC-2000\"}", "costCenter")]
    public async Task A_bad_employee_change_is_a_400_naming_the_field(string body, string field)
    {
        var response = await store.ClientFor(Identity.Hr)
            .PutAsync("/api/employees/E1001", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertValidationErrorAsync(field);
    }

    [Fact]
    public async Task Hr_cannot_change_another_company_s_employee()
    {
        var response = await store.ClientFor(Identity.Hr).PutAsJsonAsync("/api/employees/E2001", new
        {
            name = "Eva", email = "eva@xyz.example", grade = 9, status = "active", hireDate = "2021-06-14",
        });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await store.ClientFor(Identity.Employee).PutAsJsonAsync("/api/employees/E1001", new { name = "Me" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_group_structure_lists_companies_and_cost_centres()
    {
        var companies = await (await store.ClientFor(Identity.Employee).GetAsync("/api/companies"))
            .AssertJsonAsync(HttpStatusCode.OK);

        var abc = companies.EnumerateArray().Single(c => c.GetProperty("code").GetString() == "ABC");
        Assert.Equal("JKL", abc.GetProperty("parent").GetString());
        var costCenters = abc.GetProperty("costCenters").EnumerateArray().Select(c => c.GetProperty("code").GetString());
        Assert.Equal(["CC-1000", "CC-1100", "CC-1200", "CC-4100", "CC-5100", "CC-5200"], costCenters);
    }
}

public sealed class PeopleApiTestsOnSqlite(SqliteStoreFactory store) : PeopleApiTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class PeopleApiTestsOnPostgres(PostgresStoreFactory store) : PeopleApiTests(store), IClassFixture<PostgresStoreFactory>;
