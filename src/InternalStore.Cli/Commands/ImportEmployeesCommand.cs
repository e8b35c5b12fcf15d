using System.CommandLine;
using InternalStore.Application.Common;
using InternalStore.Application.People;
using InternalStore.Application.Pricing;
using Mediator;
using Spectre.Console;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Cli.Commands;

/// <summary>Imports a roster CSV, checked like the API; the operator acts as HR of the group's top company, or of --company.</summary>
internal static class ImportEmployeesCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "UTF-8 CSV: id,name,email,company,costCenter,grade,hireDate,status,terminationDate (any order)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report; change nothing." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Apply the valid rows and list the others." };
        var company = new Option<string?>("--company") { Description = "Act as HR of this company (and those below it): rows of other companies are problems. Default: the group's top company." };
        var command = new Command("import-employees", "Upsert employees by id from a CSV file; any invalid row applies nothing unless --skip-invalid.")
        {
            file, dryRun, skipInvalid, company,
        };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var acting = result.GetValue(company)
                         ?? (await services.GetRequiredService<PricingFacts>().CompanyChainAsync(null, token)).Single();
            var operatorCaller = new Caller("cli", new HashSet<string> { Roles.Hr }, acting);
            var command = new Application.People.ImportEmployeesCommand(operatorCaller, Stream.Null, result.GetValue(dryRun),
                result.GetValue(skipInvalid));
            var sender = services.GetRequiredService<ISender>();
            var path = result.GetValue(file)!;
            ImportReport report;
            if (Console.IsErrorRedirected || Console.IsOutputRedirected)
            {
                await using var csv = path.OpenRead();
                report = await sender.Send(command with { Csv = csv }, token);
            }
            else
            {
                // On a terminal: a progress bar on stderr (stdout keeps the report); NO_COLOR is honoured.
                var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                report = await terminal.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(),
                        new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var tasks = new Dictionary<string, ProgressTask>();
                        var bars = new InlineProgress(step =>
                        {
                            if (!tasks.TryGetValue(step.Phase, out var task))
                            {
                                foreach (var earlier in tasks.Values)
                                    earlier.Value = earlier.MaxValue;
                                tasks[step.Phase] = task = progress.AddTask($"{step.Phase} rows", maxValue: Math.Max(1, step.TotalBytes));
                            }

                            task.Value = step.BytesRead;
                        });
                        await using var csv = path.OpenRead();
                        var done = await sender.Send(command with { Csv = csv, Progress = bars }, token);
                        foreach (var task in tasks.Values)
                            task.Value = task.MaxValue;
                        return done;
                    });
            }

            foreach (var problem in report.Problems)
                Console.WriteLine($"line {problem.Line}{(problem.Column.Length > 0 ? $" [{problem.Column}]" : "")}: {problem.Message}");
            Console.WriteLine($"{report.Rows} rows: {report.Created} created, {report.Updated} updated, {report.Unchanged} unchanged, "
                + $"{report.Invalid} invalid; {(report.Applied ? "applied" : "nothing applied")}.");
            if (report.Problems.Count > 0 && !report.Applied)
                throw new InvalidOperationException($"{report.Invalid} line(s) have problems; nothing was imported.");
        }, ct));
        return command;
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool, out of order).</summary>
    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
