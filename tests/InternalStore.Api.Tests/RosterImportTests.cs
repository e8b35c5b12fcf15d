using System.Net;
using System.Text;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>Roster import: all rows checked first, problems by line and column, idempotent.</summary>
public abstract class RosterImportTests(StoreFactory store)
{
    private const string Header = "id,name,email,company,costCenter,grade,hireDate,status,terminationDate,shoeSize";

    private static string Roster(params string[] rows) => string.Join('\n', new[] { Header }.Concat(rows)) + "\n";

    private static string Person(string id, string company = "ABC", string hired = "2020-02-03", string costCenter = "CC-1000") =>
        $"{id},Person {id},{id.ToLowerInvariant()}@abc.example,{company},{costCenter},4,{hired},active,,42";

    private Task<HttpResponseMessage> ImportAsync(string csv, string query = "") =>
        store.ClientFor(Identity.Hr).PostAsync($"/api/employees/import{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Fact]
    public async Task A_file_with_four_problems_applies_nothing_and_names_them_by_line()
    {
        var p = Unique("R");
        var rows = Enumerable.Range(1, 11).Select(i => Person($"{p}{i:D2}")).ToArray(); // lines 2..12
        rows[5] = Person($"{p}06", hired: "2020-13-45");          // line 7: bad date
        rows[7] = Person($"{p}08", company: "QQQ");               // line 9: unknown company
        rows[10] = Person($"{p}02");                               // line 12: duplicate of line 3

        var response = await ImportAsync(Roster(rows));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["line 12: id", "line 3: id", "line 7: hireDate", "line 9: company"], errors.Order(StringComparer.Ordinal));
        var roster = await (await store.ClientFor(Identity.Hr).GetAsync($"/api/employees?q={p}&pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, roster.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_move_between_companies_is_found_before_anything_is_applied()
    {
        var p = Unique("M");
        var groupHr = store.ClientFor(new Identity("H9000", [Application.Common.Roles.Hr], "JKL"));
        Task<HttpResponseMessage> Import(string csv) => groupHr.PostAsync("/api/employees/import",
            new StringContent(csv, Encoding.UTF8, "text/csv"));
        await (await Import(Roster(Person($"{p}1")))).AssertJsonAsync(HttpStatusCode.OK);

        var response = await Import(Roster(Person($"{p}2"), Person($"{p}1", company: "XYZ", costCenter: "CC-2000")));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["line 3: company"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var roster = await (await groupHr.GetAsync($"/api/employees?q={p}&pageSize=100")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, roster.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Importing_the_same_roster_twice_is_importing_it_once()
    {
        var p = Unique("S");
        var csv = Roster(Person($"{p}1"), Person($"{p}2"), Person($"{p}3"));

        var first = await (await ImportAsync(csv)).AssertJsonAsync(HttpStatusCode.OK);
        var second = await (await ImportAsync(csv)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, first.GetProperty("created").GetInt32());
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(3, second.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task A_large_roster_imports_and_reimports_in_batches_that_do_not_grow_with_the_file()
    {
        var p = Unique("L");
        var csv = Roster([.. Enumerable.Range(0, 40_000).Select(i => Person($"{p}{i:D5}"))]);
        store.Saves.Reset();

        var first = await (await ImportAsync(csv)).AssertJsonAsync(HttpStatusCode.OK);
        var second = await (await ImportAsync(csv.Replace("Person", "Someone", StringComparison.Ordinal))).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(40_000, first.GetProperty("created").GetInt32());
        Assert.Equal(40_000, second.GetProperty("updated").GetInt32());
        // Streamed: one batch of rows (and their audit entries) is tracked at a time, never the file.
        Assert.InRange(store.Saves.MostTracked, 1, 5_000);
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Common.IStoreDb>();
        Assert.Equal(40_000, await db.Employees.CountAsync(e => e.Id.StartsWith(p) && e.Name.StartsWith("Someone")));
    }

    [Fact]
    public async Task A_changed_row_updates_and_is_audited()
    {
        var p = Unique("U");
        await (await ImportAsync(Roster(Person($"{p}1")))).AssertJsonAsync(HttpStatusCode.OK);

        var report = await (await ImportAsync(Roster($"{p}1,Person {p}1,{p.ToLowerInvariant()}1@abc.example,ABC,CC-1200,6,2020-02-03,active,,42")))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        var audit = await (await store.ClientFor(Identity.Hr).GetAsync($"/api/employees/{p}1/audit")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["costCenter", "grade"], audit.EnumerateArray().Select(a => a.GetProperty("field").GetString()).Order());
    }

    [Fact]
    public async Task Skip_invalid_applies_the_valid_rows_and_a_dry_run_applies_none()
    {
        var p = Unique("K");
        var csv = Roster(Person($"{p}1"), Person($"{p}2", company: "QQQ"));

        var dry = await ImportAsync(csv, "?dryRun=true&skipInvalid=true");
        var applied = await (await ImportAsync(csv, "?skipInvalid=true")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.BadRequest, dry.StatusCode);
        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.Equal(1, applied.GetProperty("created").GetInt32());
        Assert.Equal(1, applied.GetProperty("invalid").GetInt32());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(Header + "\n", "no employees")]
    [InlineData("id,name\nX1,Someone\n", "Missing column")]
    public async Task Empty_header_only_and_incomplete_files_are_clear_errors(string csv, string says)
    {
        var problem = await (await ImportAsync(csv)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.Contains(says, problem.GetProperty("errors").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_a_clear_error()
    {
        var bytes = Encoding.UTF8.GetBytes(Header + "\n").Concat(new byte[] { 0x58, 0x31, 0x2C, 0xC3, 0x28, 0xFF, 0xFE, 0x0A }).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        var response = await store.ClientFor(Identity.Hr).PostAsync("/api/employees/import", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("UTF-8", problem.GetProperty("errors").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_hr_imports()
    {
        var response = await store.ClientFor(Identity.Catalog)
            .PostAsync("/api/employees/import", new StringContent(Roster(Person("Z1")), Encoding.UTF8, "text/csv"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}

public sealed class RosterImportTestsOnSqlite(SqliteStoreFactory store) : RosterImportTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class RosterImportTestsOnPostgres(PostgresStoreFactory store) : RosterImportTests(store), IClassFixture<PostgresStoreFactory>;
