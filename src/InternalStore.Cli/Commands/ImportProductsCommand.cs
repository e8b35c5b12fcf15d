using System.CommandLine;
using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using InternalStore.Application.Pricing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Cli.Commands;

/// <summary>Imports a product CSV, checked like the API; the operator acts as catalog staff of the group's top company.</summary>
internal static class ImportProductsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = $"UTF-8 CSV with a header row: {ProductCsv.Columns}.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report what would change; change nothing." };
        var command = new Command("import-products", "Upsert products by SKU from a CSV file; any invalid row applies nothing.") { file, dryRun };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var company = (await services.GetRequiredService<PricingFacts>().CompanyChainAsync(null, token)).Single();
            var operatorCaller = new Caller("cli", new HashSet<string> { Roles.Catalog }, company);
            await using var csv = result.GetValue(file)!.OpenRead();
            var report = await services.GetRequiredService<ISender>().Send(
                new Application.Catalog.ImportProductsCommand(operatorCaller, csv, result.GetValue(dryRun)), token);

            foreach (var problem in report.Problems)
                Console.WriteLine($"line {problem.Line}{(problem.Column.Length > 0 ? $" [{problem.Column}]" : "")}: {problem.Message}");
            var verb = report.Applied ? "applied" : report.Problems.Count > 0 ? "nothing applied" : "dry run, nothing applied";
            Console.WriteLine($"{report.Rows} rows: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, "
                + $"{report.Invalid} invalid; {verb}.");
            if (report.Problems.Count > 0)
                throw new InvalidOperationException($"{report.Invalid} line(s) have problems; nothing was imported.");
        }, ct));
        return command;
    }
}
