using System.Text.Json.Nodes;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Pricing;

namespace InternalStore.Api.Tests;

/// <summary><c>internalstore quote --file</c> prints, for every case, what the case expects.</summary>
public sealed class QuoteCliTests
{
    private static readonly Dictionary<string, string> NoDatabase = new();

    [Fact]
    public async Task Quote_prints_the_expected_result_of_every_vector()
    {
        var vectors = Path.Combine(RepositoryPaths.Root, "tests", "InternalStore.Pricing.Tests", "Fixtures", "pricing-vectors.json");

        var run = await CliRunner.RunAsync(NoDatabase, "quote", "--file", vectors);

        Assert.True(run.ExitCode == 0, run.StdErr);
        var printed = JsonNode.Parse(run.StdOut)!.AsArray();
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(vectors))!.AsArray();
        Assert.Equal(expected.Count, printed.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i]!["name"]!.GetValue<string>(), printed[i]!["name"]!.GetValue<string>());
            var differences = PricingCaseFile.Compare(expected[i]!["expected"], printed[i]!["result"]);
            Assert.True(differences.Count == 0, string.Join("\n", differences));
        }
    }

    [Fact]
    public async Task A_malformed_file_is_exit_code_1_with_the_reason()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "[{\"name\":\"broken\",\"currency\":\"USD\"}]");

        var run = await CliRunner.RunAsync(NoDatabase, "quote", "--file", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.StdOut);
        Assert.Contains("broken", run.StdErr, StringComparison.Ordinal);
    }

}
