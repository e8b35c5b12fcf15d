using System.CommandLine;
using InternalStore.Application.Access;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Cli.Commands;

internal static class ApiKeyCommand
{
    public static Command Create() => new("apikey", "Manage storefront API keys (stored only as hashes).")
    {
        CreateKey(),
        ListKeys(),
        RevokeKey(),
    };

    private static Command CreateKey()
    {
        var name = new Argument<string>("name") { Description = "Who the key is for, e.g. 'external storefront'." };
        var command = new Command("create", "Create a key; the secret is printed once, alone on the last line.") { name };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var created = await services.GetRequiredService<ISender>()
                .Send(new CreateApiKeyCommand(result.GetValue(name)!), token);
            Console.WriteLine($"Created key {created.Key.Id} ({created.Key.Prefix}...) for '{created.Key.Name}'. "
                + "Store the secret now; it cannot be shown again:");
            Console.WriteLine(created.Secret);
        }, ct));
        return command;
    }

    private static Command ListKeys()
    {
        var command = new Command("list", "List keys: id, prefix, name, created, revoked.");
        command.SetAction((_, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var keys = await services.GetRequiredService<ISender>().Send(new ListApiKeysQuery(), token);
            foreach (var key in keys)
                Console.WriteLine($"{key.Id}\t{key.Prefix}\t{key.Name}\t{key.CreatedAt:u}\t{(key.RevokedAt is { } r ? $"revoked {r:u}" : "active")}");
        }, ct));
        return command;
    }

    private static Command RevokeKey()
    {
        var id = new Argument<string>("id") { Description = "Key id, or the prefix shown by 'apikey list'." };
        var command = new Command("revoke", "Revoke a key; requests with it are refused from then on.") { id };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var key = await services.GetRequiredService<ISender>().Send(new RevokeApiKeyCommand(result.GetValue(id)!), token);
            Console.WriteLine($"Revoked {key.Id} ({key.Prefix}...).");
        }, ct));
        return command;
    }
}
