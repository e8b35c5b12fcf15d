using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalStore.Pricing;

namespace InternalStore.Cli.Commands;

/// <summary>Prices every case of a file in the pricing-vectors format with the engine; needs no database.</summary>
internal static class QuoteCommand
{
    public static Command Create()
    {
        var file = new Option<FileInfo>("--file")
        {
            Description = "A JSON array of cases in the format of pricing-vectors.json.",
            Required = true,
        };
        var command = new Command("quote", "Price each case of a file and print a JSON array of {name, result}.") { file };
        command.SetAction(async (result, ct) =>
        {
            try
            {
                var cases = PricingCaseFile.Parse(await File.ReadAllTextAsync(result.GetValue(file)!.FullName, ct));
                var output = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
                {
                    ["name"] = c.Name,
                    ["result"] = PricingCaseFile.ToExpectedShape(PricingEngine.Price(c.Request)),
                })]);
                Console.WriteLine(output.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message.ReplaceLineEndings(" ")}");
                return 1;
            }
        });
        return command;
    }
}
