using System.Net;
using InternalStore.Api.Tests.Infrastructure;

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

        Assert.Equal(["E1004"], terminated.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
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
