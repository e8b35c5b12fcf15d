namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>Where the tests that build, pack or publish find the source tree and the SDK.</summary>
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
}
