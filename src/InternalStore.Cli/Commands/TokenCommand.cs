using System.CommandLine;
using InternalStore.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Cli.Commands;

internal static class TokenCommand
{
    public static Command Create()
    {
        var sub = new Option<string>("--sub") { Description = "Person id, e.g. E1001.", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = "Role, repeatable: employee, hr, finance, catalog, department-buyer, affiliate-buyer.",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var company = new Option<string?>("--company") { Description = "Company code, e.g. ABC." };
        var costCenter = new Option<string?>("--cost-center") { Description = "Cost centre of a department buyer, e.g. CC-1200." };
        var affiliate = new Option<string?>("--affiliate") { Description = "Buying company of an affiliate buyer, e.g. XYZ." };
        var minutes = new Option<int?>("--minutes") { Description = "Lifetime in minutes (default Auth:TokenLifetimeMinutes)." };

        var command = new Command("token", "Mint a bearer token with the given claims and print it alone on stdout.")
        {
            sub, roles, company, costCenter, affiliate, minutes,
        };
        command.SetAction((result, ct) => CliHost.RunAsync((services, _) =>
        {
            var lifetime = result.GetValue(minutes) is { } m and > 0 ? TimeSpan.FromMinutes(m) : (TimeSpan?)null;
            var token = services.GetRequiredService<TokenIssuer>().Issue(new TokenRequest(
                result.GetValue(sub)!,
                result.GetValue(roles) ?? [],
                result.GetValue(company),
                result.GetValue(costCenter),
                result.GetValue(affiliate),
                Lifetime: lifetime));
            Console.WriteLine(token);
            return Task.CompletedTask;
        }, ct));
        return command;
    }
}
