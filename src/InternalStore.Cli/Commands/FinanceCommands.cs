using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using InternalStore.Application.Common;
using InternalStore.Application.Finance;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Cli.Commands;

/// <summary>The finance exports: the payroll file of a pay date and a month's chargeback statement.</summary>
internal static class FinanceCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command ExportPayroll() => PayPeriodExport("export-payroll",
        "Payroll deductions due on a pay date as CSV: employee, name, period, amount, currency, order, schedule, type (order-installment or subscription), subscription.",
        async (sender, date, token) =>
        {
            var deductions = await sender.Send(new ListPayrollDeductionsQuery(Caller.System, date), token);
            return (FinanceCsv.PayrollDeductions(deductions),
                $"{deductions.Deductions.Count} deduction(s), {deductions.Total} {deductions.Currency}");
        });

    public static Command ExportTaxableBenefits() => PayPeriodExport("export-taxable-benefits",
        "Per employee, the taxable excess of employee discounts booked in a pay period, as CSV: employee, name, period, taxable_excess, discount, qualified_limit, currency, orders.",
        async (sender, date, token) =>
        {
            var benefits = await sender.Send(new Application.Benefits.ListTaxableBenefitsQuery(Caller.System, date), token);
            return (FinanceCsv.TaxableBenefits(benefits),
                $"{benefits.Employees.Count} employee(s), taxable excess {benefits.TaxableExcess} {benefits.Currency} (rule {benefits.Rule})");
        });

    /// <summary>A CSV export of one pay date: to stdout, or to --out with a one-line summary on stderr.</summary>
    private static Command PayPeriodExport(string name, string description,
        Func<ISender, DateOnly, CancellationToken, Task<(string Csv, string Summary)>> export)
    {
        var period = new Option<string>("--period") { Description = "The pay date, YYYY-MM-DD (the 15th or the last day of a month).", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the CSV here instead of stdout." };
        var command = new Command(name, description) { period, output };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            if (!DateOnly.TryParseExact(result.GetValue(period), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new ArgumentException("--period is a date, YYYY-MM-DD.");
            var (csv, summary) = await export(services.GetRequiredService<ISender>(), date, token);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, csv, token);
                await Console.Error.WriteLineAsync($"{summary}, written to {file.FullName}");
            }
            else
            {
                Console.Write(csv);
            }
        }, ct));
        return command;
    }

    /// <summary>The billing run of a pay date: each subscription charged once, however often (or from however many processes) it runs.</summary>
    public static Command BillSubscriptions()
    {
        var period = new Option<string>("--period") { Description = "The pay date to bill, YYYY-MM-DD (up to the next pay date).", Required = true };
        var command = new Command("bill-subscriptions",
            "Bill the service subscriptions of a pay date: one payroll line per subscription and period, prorated, within the allowance and the payroll cap (what does not fit is carried as arrears).")
        {
            period,
        };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            if (!DateOnly.TryParseExact(result.GetValue(period), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new ArgumentException("--period is a date, YYYY-MM-DD.");
            var run = await services.GetRequiredService<ISender>()
                .Send(new Application.Subscriptions.BillSubscriptionsCommand(Caller.System, date), token);
            Console.WriteLine(
                $"{run.Period:yyyy-MM-dd}: {run.Charged} charge(s) for {run.Employees} employee(s), {run.AlreadyBilled} already billed, {run.Suspended} suspended; {run.Collected} {run.Currency} deducted, {run.Arrears} {run.Currency} in arrears");
        }, ct));
        return command;
    }

    public static Command Chargebacks()
    {
        var month = new Option<string>("--month") { Description = "The month, YYYY-MM.", Required = true };
        var format = new Option<string>("--format") { Description = "csv (one row per entry) or json (the statement per cost centre).", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var command = new Command("chargebacks", "A month's internal chargebacks per cost centre: what each department bought from whom, at transfer price, cost and markup.")
        {
            month, format,
        };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var statement = await services.GetRequiredService<ISender>().Send(new GetChargebackStatementQuery(Caller.System, result.GetValue(month)), token);
            Console.Write(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(statement, Json) + Environment.NewLine
                : FinanceCsv.Chargebacks(statement));
        }, ct));
        return command;
    }
}
