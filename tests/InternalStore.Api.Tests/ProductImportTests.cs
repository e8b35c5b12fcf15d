using System.Net;
using System.Text;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>Product import: every row checked first by the API's own product rules, problems by line and column, idempotent.</summary>
public abstract class ProductImportTests(StoreFactory store)
{
    private const string Header = "sku,name,category,listPrice,unitCost,currency,employeeDiscount,stock,colour";

    private static string File(params string[] rows) => string.Join('\n', new[] { Header }.Concat(rows)) + "\n";

    private static string Item(string sku, string name = "Item", string price = "19.90", string category = "office", string stock = "5") =>
        $"{sku},{name} {sku},{category},{price},8.25,USD,true,{stock},blue";

    private Task<HttpResponseMessage> ImportAsync(string csv, string query = "", Identity? caller = null) =>
        store.ClientFor(caller ?? Identity.Catalog).PostAsync($"/api/products/import{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private async Task<int> CountAsync(string prefix)
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Common.IStoreDb>();
        return await db.Products.CountAsync(p => p.Sku.StartsWith(prefix));
    }

    [Fact]
    public async Task Every_bad_line_is_named_by_line_and_column_and_nothing_is_applied()
    {
        var p = Unique("PB");
        var rows = Enumerable.Range(1, 10).Select(i => Item($"{p}-{i:D2}")).ToArray(); // lines 2..11
        rows[1] = $"{p}-02,,office,19.90,8.25,USD,true,5,blue";                       // line 3: no name; its SKU comes again on line 11
        rows[3] = $"{p}-04,Item,office,\"12,5\",8.25,USD,true,5,blue";                    // line 5: a decimal comma is not an amount
        rows[4] = Item($"{p}-05", category: "Gift Cards");                              // line 6: category pattern
        rows[5] = Item($"{p}-06", price: "19.999");                                     // line 7: more decimals than cents
        rows[6] = Item($"{p}-07", stock: "-3");                                         // line 8: negative stock
        rows[7] = "LAP-13,Laptop 13,electronics,1299.00,950.00,EUR,true,0,grey";         // line 9: the laptop is priced in USD
        rows[9] = Item($"{p}-02");                                                      // line 11: duplicate of line 3

        var response = await ImportAsync(File(rows));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Equal(["line 11: sku", "line 3: name", "line 3: sku", "line 5: listPrice", "line 6: category", "line 7: listPrice",
            "line 8: stock", "line 9: currency"], errors.Order(StringComparer.Ordinal));
        var report = problem.GetProperty("report");
        Assert.Equal(10, report.GetProperty("rows").GetInt32());
        Assert.Equal(7, report.GetProperty("invalid").GetInt32());
        Assert.Equal(0, report.GetProperty("created").GetInt32()); // nothing applied, nothing counted as created
        Assert.False(report.GetProperty("applied").GetBoolean());
        Assert.Equal(0, await CountAsync(p));
        var laptop = await (await store.ClientFor(Identity.Catalog).GetAsync("/api/products/LAP-13")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal("USD", laptop.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task Importing_the_same_file_twice_is_importing_it_once_and_a_change_updates_only_details()
    {
        var p = Unique("PT");
        var csv = File(Item($"{p}-1"), Item($"{p}-2"), Item($"{p}-3"));

        var first = await (await ImportAsync(csv)).AssertJsonAsync(HttpStatusCode.OK);
        var second = await (await ImportAsync(csv)).AssertJsonAsync(HttpStatusCode.OK);
        var changed = await (await ImportAsync(File(Item($"{p}-1", price: "24.50", stock: "900"), Item($"{p}-2"))))
            .AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal((3, 0, 0), Counts(first));
        Assert.True(first.GetProperty("applied").GetBoolean());
        Assert.Equal((0, 0, 3), Counts(second));
        Assert.Equal((0, 1, 1), Counts(changed));
        var product = await (await store.ClientFor(Identity.Catalog).GetAsync($"/api/products/{p}-1")).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(24.50m, product.GetProperty("listPrice").GetDecimal());
        Assert.Equal(8.25m, product.GetProperty("unitCost").GetDecimal());
        Assert.Equal(5, product.GetProperty("stockOnHand").GetInt32()); // stock of a known product moves by adjustments only
    }

    private static (int Created, int Updated, int Unchanged) Counts(JsonElement report) =>
        (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32());

    [Fact]
    public async Task Ten_thousand_products_import_and_reimport_in_batches_that_do_not_grow_with_the_file()
    {
        var p = Unique("PL");
        var csv = File([.. Enumerable.Range(0, 10_000).Select(i => Item($"{p}-{i:D5}"))]);
        store.Saves.Reset();

        var first = await (await ImportAsync(csv)).AssertJsonAsync(HttpStatusCode.OK);
        var second = await (await ImportAsync(csv.Replace(",Item ", ",Thing ", StringComparison.Ordinal))).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal((10_000, 0, 0), Counts(first));
        Assert.Equal((0, 10_000, 0), Counts(second));
        // Streamed: one batch of products is tracked at a time, never the file.
        Assert.InRange(store.Saves.MostTracked, 1, 1_000);
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Application.Common.IStoreDb>();
        Assert.Equal(10_000, await db.Products.CountAsync(x => x.Sku.StartsWith(p) && x.Name.StartsWith("Thing")));
    }

    [Fact]
    public async Task A_dry_run_reports_what_would_change_and_changes_nothing()
    {
        var p = Unique("PD");

        var report = await (await ImportAsync(File(Item($"{p}-1"), Item($"{p}-2")), "?dryRun=true")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal((2, 0, 0), Counts(report));
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        Assert.False(report.GetProperty("applied").GetBoolean());
        Assert.Equal(0, await CountAsync(p));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(Header + "\n", "no products")]
    [InlineData("sku,name\nX1,Something\n", "Missing column")]
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

        var response = await store.ClientFor(Identity.Catalog).PostAsync("/api/products/import", content);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation");
        Assert.Contains("UTF-8", problem.GetProperty("errors").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_catalog_imports()
    {
        var response = await ImportAsync(File(Item(Unique("PH"))), caller: Identity.Hr);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_cli_imports_the_sample_catalog_file_and_a_second_run_changes_nothing()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "products.csv");

        var first = await CliRunner.RunAsync(store.CliEnvironment, "import-products", sample);
        var second = await CliRunner.RunAsync(store.CliEnvironment, "import-products", sample);
        var bad = Path.GetTempFileName();
        await System.IO.File.WriteAllTextAsync(bad, File("BAD-1,,office,1.00,0.50,USD,true,0,red"));
        var refused = await CliRunner.RunAsync(store.CliEnvironment, "import-products", bad);
        System.IO.File.Delete(bad);

        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.Matches(@"created, 0 updated, 0 unchanged, 0 invalid; applied\.", first.StdOut);
        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.Matches(@" 0 created, 0 updated, \d+ unchanged, 0 invalid; applied\.", second.StdOut);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("line 2 [name]", refused.StdOut, StringComparison.Ordinal);
    }
}

public sealed class ProductImportTestsOnSqlite(SqliteStoreFactory store) : ProductImportTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class ProductImportTestsOnPostgres(PostgresStoreFactory store) : ProductImportTests(store), IClassFixture<PostgresStoreFactory>;
