using System.CommandLine;
using System.Globalization;
using InternalStore.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Cli.Commands;

internal static class SeedScaleCommand
{
    public static Command Create()
    {
        var employees = new Option<int>("--employees") { Description = "People on the roster.", DefaultValueFactory = _ => 100_000 };
        var products = new Option<int>("--products") { Description = "Products in the catalog.", DefaultValueFactory = _ => 10_000 };
        var orders = new Option<int>("--orders") { Description = "Orders over the years.", DefaultValueFactory = _ => 1_000_000 };
        var years = new Option<int>("--years") { Description = "Years of history before --until.", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "The same seed and options give the same data.", DefaultValueFactory = _ => 1 };
        var until = new Option<string?>("--until") { Description = "The last day of the history, YYYY-MM-DD (default today)." };
        var writer = new Option<ScaleWriter>("--writer")
        {
            Description = "Bulk (COPY on PostgreSQL, prepared inserts on SQLite), or SaveChanges to compare against.",
            DefaultValueFactory = _ => ScaleWriter.Bulk,
        };
        var command = new Command("seed-scale", "Migrate, seed the demo data if the database is empty, then add a whole group's worth of "
            + "data to measure the store at company scale: subsidiaries, a roster, a catalog and years of orders with their payments.")
        {
            employees, products, orders, years, seed, until, writer,
        };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var last = result.GetValue(until) is { } text
                ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : DateOnly.FromDateTime(DateTime.UtcNow);
            var options = new ScaleOptions(result.GetValue(employees), result.GetValue(products), result.GetValue(orders),
                result.GetValue(years), result.GetValue(seed), last, result.GetValue(writer));
            var initializer = services.GetRequiredService<DatabaseInitializer>();
            await initializer.MigrateAsync(token);
            await initializer.SeedDemoDataAsync(token);
            var report = await services.GetRequiredService<ScaleData>().SeedAsync(services.GetRequiredService<StoreDbContext>(), options,
                new Progress<string>(line => Console.Error.WriteLine(line)), token);
            Console.WriteLine($"Seeded {report.Companies} companies, {report.CostCenters} cost centres, {report.Employees} employees "
                + $"({report.Leavers} leavers), {report.Products} products and {report.Orders} orders ({report.Refunds} refunds) "
                + $"in {report.Elapsed.TotalSeconds:F0} s.");
        }, ct));
        return command;
    }
}
