using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalStore.Application.Common;
using InternalStore.Application.Policies;
using InternalStore.Application.Pricing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Cli.Commands;

/// <summary>Moves HR discount policies in and out as JSON files (the document format of the pricing library).</summary>
internal static class PolicyCommand
{
    public static Command Create() => new("policy", "Export the policy in force, or import a policy file as a new version.")
    {
        Export(),
        Import(),
    };

    private static Command Export()
    {
        var company = new Option<string?>("--company") { Description = "Company code (default: the group's top company)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of stdout." };
        var command = new Command("export", "Print the version in force today for a company as JSON.") { company, output };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var facts = services.GetRequiredService<PricingFacts>();
            var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var policy = await facts.PolicyInForceAsync(result.GetValue(company), today, token)
                ?? throw new InvalidOperationException("No policy is in force for that company.");
            var json = new JsonObject
            {
                ["company"] = policy.CompanyCode,
                ["version"] = policy.Version,
                ["name"] = policy.Name,
                ["effectiveFrom"] = policy.EffectiveFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["document"] = PolicyDocument.ToJson(policy.Document),
            }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            if (result.GetValue(output) is { } file)
                await File.WriteAllTextAsync(file.FullName, json, token);
            else
                Console.WriteLine(json);
        }, ct));
        return command;
    }

    private static Command Import()
    {
        var file = new Option<FileInfo>("--file") { Description = "An exported policy, or a bare policy document.", Required = true };
        var company = new Option<string?>("--company") { Description = "Company the new version is for (default: the file's, else the top company)." };
        var name = new Option<string?>("--name") { Description = "Name of the new version (default: the file's)." };
        var publish = new Option<string?>("--publish") { Description = "Publish it, taking effect on this day (YYYY-MM-DD)." };
        var command = new Command("import", "Create a draft version from a file (validated like the API), and optionally publish it.")
        {
            file, company, name, publish,
        };
        command.SetAction((result, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var root = JsonNode.Parse(await File.ReadAllTextAsync(result.GetValue(file)!.FullName, token)) as JsonObject
                ?? throw new FormatException("The file is not a JSON object.");
            var document = root["document"] as JsonObject ?? root;
            var facts = services.GetRequiredService<PricingFacts>();
            var top = (await facts.CompanyChainAsync(null, token)).Single();
            var target = result.GetValue(company) ?? root["company"]?.GetValue<string>() ?? top;
            var versionName = result.GetValue(name) ?? root["name"]?.GetValue<string>() ?? "Imported policy";
            // The operator acts as HR of the top company, who manages every company's policy.
            var operatorCaller = new Caller("cli", new HashSet<string> { Roles.Hr }, top);

            var sender = services.GetRequiredService<ISender>();
            var draft = await sender.Send(new CreatePolicyCommand(operatorCaller, target, versionName, document), token);
            Console.WriteLine($"Created draft {draft.Id}: {draft.Company} version {draft.Version}.");
            if (result.GetValue(publish) is { } day)
            {
                var effectiveFrom = DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                await sender.Send(new PublishPolicyCommand(operatorCaller, draft.Id, effectiveFrom), token);
                Console.WriteLine($"Published, in effect from {effectiveFrom:yyyy-MM-dd}.");
            }
        }, ct));
        return command;
    }
}
