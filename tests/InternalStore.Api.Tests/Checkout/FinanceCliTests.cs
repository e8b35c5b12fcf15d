using System.Globalization;
using System.Net;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>export-payroll and chargebacks: the finance exports from the command line, against the API's database.</summary>
public sealed class FinanceCliTests(SqliteStoreFactory store) : IClassFixture<SqliteStoreFactory>
{
    private readonly CheckoutScenario _given = new(store);

    [Fact]
    public async Task Export_payroll_writes_the_pay_date_s_deductions_as_csv()
    {
        var sku = await _given.NewProductAsync(listPrice: 30m);
        var order = await _given.PlaceAsync(Identity.Employee, (sku, 1));
        var paid = await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 2 }))
            .AssertJsonAsync(HttpStatusCode.OK);
        var first = paid.GetProperty("details").GetProperty("deductions")[0];
        var period = first.GetProperty("period").GetString()!;
        var file = Path.Combine(Path.GetTempPath(), $"payroll-{Guid.NewGuid():N}.csv");

        var toStdout = await CliRunner.RunAsync(store.CliEnvironment, "export-payroll", "--period", period);
        var toFile = await CliRunner.RunAsync(store.CliEnvironment, "export-payroll", "--period", period, "--out", file);

        Assert.True(toStdout.ExitCode == 0, toStdout.StdErr);
        Assert.Equal("employee,name,period,amount,currency,order,schedule,type,subscription", toStdout.Lines[0]);
        var row = Assert.Single(toStdout.Lines, l => l.Contains(order.Id().ToString(), StringComparison.Ordinal));
        Assert.StartsWith($"E1001,Alice Moreau,{period},{first.GetProperty("amount").GetDecimal().ToString(CultureInfo.InvariantCulture)},", row);
        Assert.True(toFile.ExitCode == 0, toFile.StdErr);
        Assert.Equal(toStdout.StdOut.ReplaceLineEndings("\n").Trim(), (await File.ReadAllTextAsync(file)).ReplaceLineEndings("\n").Trim());
        File.Delete(file);

        var notAPayDate = await CliRunner.RunAsync(store.CliEnvironment, "export-payroll", "--period", "2026-11-03");
        Assert.Equal(1, notAPayDate.ExitCode);
        Assert.Contains("not a pay date", notAPayDate.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chargebacks_prints_the_month_s_statement_as_csv_or_json()
    {
        var sku = await _given.NewProductAsync(listPrice: 50m, unitCost: 30m);
        var order = await _given.PlaceAsync(Identity.DepartmentBuyer, (sku, 2));
        await (await _given.CheckoutAsync(Identity.DepartmentBuyer, order.Id(), new { method = "chargeback" })).AssertJsonAsync(HttpStatusCode.OK);
        var month = DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var csv = await CliRunner.RunAsync(store.CliEnvironment, "chargebacks", "--month", month);
        var json = await CliRunner.RunAsync(store.CliEnvironment, "chargebacks", "--month", month, "--format", "json");

        Assert.True(csv.ExitCode == 0, csv.StdErr);
        Assert.Contains(csv.Lines, l => l.Contains(order.Id().ToString(), StringComparison.Ordinal) && l.Contains("CC-1200", StringComparison.Ordinal));
        Assert.True(json.ExitCode == 0, json.StdErr);
        var statement = JsonDocument.Parse(json.StdOut).RootElement;
        Assert.Equal(month, statement.GetProperty("month").GetString());
        Assert.Contains(statement.GetProperty("costCenters").EnumerateArray().SelectMany(c => c.GetProperty("entries").EnumerateArray()),
            e => e.GetProperty("orderId").GetGuid() == order.Id());
        Assert.Equal(1, (await CliRunner.RunAsync(store.CliEnvironment, "chargebacks", "--month", "May")).ExitCode);
    }
}
