using System.CommandLine;
using InternalStore.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Cli.Commands;

internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database migrations of the configured provider.");
        command.SetAction((_, ct) => CliHost.RunAsync(async (services, token) =>
        {
            await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(token);
            Console.WriteLine("Database is up to date.");
        }, ct));
        return command;
    }
}

internal static class SeedDemoCommand
{
    public static Command Create()
    {
        var command = new Command("seed-demo", "Migrate, then seed the demo group, people and catalog if the database is empty.");
        command.SetAction((_, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var initializer = services.GetRequiredService<DatabaseInitializer>();
            await initializer.MigrateAsync(token);
            Console.WriteLine(await initializer.SeedDemoDataAsync(token)
                ? "Demo data seeded."
                : "The database already has data; nothing seeded.");
        }, ct));
        return command;
    }
}
