using System.CommandLine;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using InternalStore.Application.Pricing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Cli.Commands;

/// <summary>Imports a roster CSV, checked like the API; the operator acts as HR of the group's top company.</summary>
internal static class ImportEmployeesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "UTF-8 CSV: id,name,email,company,costCenter,grade,hireDate,status,terminationDate (any order)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report; change nothing." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Apply the valid rows and list the others." };
        var command = new Command("import-employees", "Upsert employees by id from a CSV file; any invalid row applies nothing unless --skip-invalid.")
        {
            file, dryRun, skipInvalid,
        };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var top = (await services.GetRequiredService<PricingFacts>().CompanyChainAsync(null, token)).Single();
            var operatorCaller = new Caller("cli", new HashSet<string> { Roles.Hr }, top);
            await using var csv = result.GetValue(file)!.OpenRead();
            var report = await services.GetRequiredService<ISender>().Send(new Application.People.ImportEmployeesCommand(
                operatorCaller, csv, result.GetValue(dryRun), result.GetValue(skipInvalid)), token);

            foreach (var problem in report.Problems)
                Console.WriteLine($"line {problem.Line}{(problem.Column.Length > 0 ? $" [{problem.Column}]" : "")}: {problem.Message}");
            Console.WriteLine($"{report.Rows} rows: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, "
                + $"{report.Invalid} invalid; {(report.Applied ? "applied" : "nothing applied")}.");
            if (report.Problems.Count > 0 && !report.Applied)
                throw new InvalidOperationException($"{report.Invalid} line(s) have problems; nothing was imported.");
        }, ct));
        return command;
    }
}
