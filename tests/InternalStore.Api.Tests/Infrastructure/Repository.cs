using System.Diagnostics;

namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>Where the tests that build, pack or publish find the source tree and the SDK, and how they run it.</summary>
public static class Repository
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>The dotnet host running the tests (set by the test host), else the one on the PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "InternalStore.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("The repository root (InternalStore.sln) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a program to its end and answers its standard output; a non-zero exit fails the test with both streams.</summary>
    public static async Task<string> RunAsync(string program, string folder, params string[] args)
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
        if (Path.IsPathRooted(Dotnet))
            start.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(Dotnet);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return await stdout;
    }
}
