using System.Diagnostics;
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
            await RunAsync(Repository.Dotnet, work.FullName, "pack", project, "--no-build", "-c", Repository.Configuration, "-o", packages, "-nologo");
            Assert.Single(Directory.GetFiles(packages, "internalstore.*.nupkg"));

            var config = Path.Combine(work.FullName, "nuget.config");
            await File.WriteAllTextAsync(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
                """);
            var tools = Path.Combine(work.FullName, "tools");
            await RunAsync(Repository.Dotnet, work.FullName, "tool", "install", "internalstore", "--tool-path", tools, "--configfile", config);

            var command = Path.Combine(tools, "internalstore");
            var help = await RunAsync(command, work.FullName, "--help");
            Assert.Contains("import-employees", help, StringComparison.Ordinal);
            Assert.Contains("token", help, StringComparison.Ordinal);

            var token = (await RunAsync(command, work.FullName, "token", "--sub", "E1001", "--role", "employee", "--company", "ABC"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(3, Assert.Single(token).Split('.').Length);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Runs a program to its end and answers its standard output; a non-zero exit fails the test with both streams.</summary>
    private static async Task<string> RunAsync(string program, string folder, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The tool's launcher looks for the runtime here when dotnet is not where it expects it.
        if (Path.IsPathRooted(Repository.Dotnet))
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(Repository.Dotnet);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return await stdout;
    }
}
