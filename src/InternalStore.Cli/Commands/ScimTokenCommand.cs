using System.CommandLine;
using InternalStore.Application.Common;
using InternalStore.Application.Provisioning;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Cli.Commands;

internal static class ScimTokenCommand
{
    public static Command Create() => new("scim-token", "Manage the tokens identity providers provision a company's people with over SCIM 2.0 (stored only as hashes).")
    {
        CreateToken(),
        ListTokens(),
        RevokeToken(),
    };

    private static Command CreateToken()
    {
        var company = new Option<string>("--company") { Description = "The company the token provisions, with the companies below it, e.g. ABC.", Required = true };
        var name = new Option<string?>("--name") { Description = "Who holds it, e.g. Okta or 'Entra ID'." };
        var command = new Command("create", "Create a token; it is printed once, alone on the last line.") { company, name };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var created = await services.GetRequiredService<ISender>()
                .Send(new CreateScimTokenCommand(Caller.System, result.GetValue(company), result.GetValue(name)), token);
            Console.WriteLine($"Created SCIM token {created.Token.Id} ({created.Token.Prefix}...) for {created.Token.Company}, held by "
                + $"'{created.Token.Name}'; its changes are audited as {created.Token.AuditName}. Base URL: https://<your host>/scim/v2. "
                + "Store the token now; it cannot be shown again:");
            Console.WriteLine(created.Secret);
        }, ct));
        return command;
    }

    private static Command ListTokens()
    {
        var command = new Command("list", "List tokens: id, prefix, company, name, created, revoked.");
        command.SetAction((_, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var tokens = await services.GetRequiredService<ISender>().Send(new ListScimTokensQuery(Caller.System), token);
            foreach (var t in tokens.Tokens)
                Console.WriteLine($"{t.Id}\t{t.Prefix}\t{t.Company}\t{t.Name}\t{t.CreatedAt:u}\t{(t.RevokedAt is { } r ? $"revoked {r:u}" : "active")}");
        }, ct));
        return command;
    }

    private static Command RevokeToken()
    {
        var id = new Argument<string>("id") { Description = "Token id, or the prefix shown by 'scim-token list'." };
        var command = new Command("revoke", "Revoke a token; its identity provider is refused from then on.") { id };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var revoked = await services.GetRequiredService<ISender>().Send(new RevokeScimTokenCommand(Caller.System, result.GetValue(id)!), token);
            Console.WriteLine($"Revoked {revoked.Id} ({revoked.Prefix}...) of {revoked.Company}.");
        }, ct));
        return command;
    }
}
