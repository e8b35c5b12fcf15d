namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>Files of the repository the tests read (samples, the pricing vectors).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InternalStore.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("InternalStore.sln not found above the test binaries.");
    }
}
