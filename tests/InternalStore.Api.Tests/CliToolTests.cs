using InternalStore.Api.Tests.Infrastructure;

namespace InternalStore.Api.Tests;

/// <summary>
/// The CLI as an operator installs it: <c>dotnet pack</c> of the CLI project, <c>dotnet tool install</c> from that
/// package alone (no other feed: the machine may be offline) into a temporary tool path, then the command itself.
/// </summary>
public sealed class CliToolTests
{
    [Fact]
    public async Task The_packed_tool_installs_and_answers_help_and_token()
    {
        var work = Directory.CreateTempSubdirectory("internalstore-tool-");
        try
        {
            var packages = Path.Combine(work.FullName, "packages");
            var project = Path.Combine(Repository.Root(), "src", "InternalStore.Cli", "InternalStore.Cli.csproj");
            await Repository.RunAsync(Repository.Dotnet, work.FullName, "pack", project, "--no-build", "-c", Repository.Configuration, "-o", packages, "-nologo");
            Assert.Single(Directory.GetFiles(packages, "internalstore.*.nupkg"));

            var config = Path.Combine(work.FullName, "nuget.config");
            await File.WriteAllTextAsync(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
                """);
            var tools = Path.Combine(work.FullName, "tools");
            await Repository.RunAsync(Repository.Dotnet, work.FullName, "tool", "install", "internalstore", "--tool-path", tools, "--configfile", config);

            var command = Path.Combine(tools, "internalstore");
            var help = await Repository.RunAsync(command, work.FullName, "--help");
            Assert.Contains("import-employees", help, StringComparison.Ordinal);
            Assert.Contains("token", help, StringComparison.Ordinal);

            var token = (await Repository.RunAsync(command, work.FullName, "token", "--sub", "E1001", "--role", "employee", "--company", "ABC"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(3, Assert.Single(token).Split('.').Length);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
