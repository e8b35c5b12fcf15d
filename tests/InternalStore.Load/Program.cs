using System.Diagnostics;
using System.Globalization;
using InternalStore.Load.Harness;

// The performance harness: the API in Release on SQLite (and PostgreSQL unless --sqlite-only),
// every scenario driven from this process over loopback, compared to ceilings of the same run.
//   dotnet run -c Release --project tests/InternalStore.Load -- [--seconds 10] [--sqlite-only] [--write docs/benchmarks.md]
// --only orders,employee runs those scenarios alone (catalog, external, employee, orders, mixed; ceilings always run).
// --published DIR: run that published API instead of publishing this tree (compare builds in turn).
// With --console [--rounds 50]: the response time of every console page instead (SQLite, demo data).
var seconds = IntArg("--seconds", 10);
var root = RepositoryRoot();
// The API as it is deployed: published in Release, ReadyToRun (precompiled, so it starts faster).
// --published DIR runs an API published before (to compare two builds in turn on the same machine).
var publishedArg = Array.IndexOf(args, "--published");
var published = publishedArg >= 0 && publishedArg + 1 < args.Length
    ? Path.GetFullPath(args[publishedArg + 1])
    : Path.Combine(Path.GetTempPath(), "internalstore-load-api");
if (publishedArg < 0)
{
    Console.WriteLine("Publishing the API (Release, ReadyToRun)...");
    Run("dotnet", $"publish \"{Path.Combine(root, "src", "InternalStore.Api")}\" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o \"{published}\" -v quiet -nologo");
}

Console.WriteLine("Building the CLI...");
Run("dotnet", $"build \"{Path.Combine(root, "src", "InternalStore.Cli")}\" -c Release -v quiet -nologo");
var options = new HarnessOptions(
    Path.Combine(published, "InternalStore.Api.dll"),
    Path.Combine(root, "src", "InternalStore.Cli", "bin", "Release", "net10.0", "internalstore.dll"),
    TimeSpan.FromSeconds(Math.Max(1, seconds / 3)), TimeSpan.FromSeconds(seconds), Postgres: !args.Contains("--sqlite-only"),
    Only: Array.IndexOf(args, "--only") is var only and >= 0 && only + 1 < args.Length
        ? args[only + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet()
        : null);

if (options.Only?.Except(["catalog", "external", "employee", "orders", "mixed"]).FirstOrDefault() is { } unknown)
    throw new ArgumentException($"--only: no scenario named '{unknown}' (catalog, external, employee, orders, mixed).");

var consoleOnly = args.Contains("--console");
string table;
if (consoleOnly)
{
    // The browser console's pages, one request at a time, on SQLite with the demo data.
    var data = Directory.CreateTempSubdirectory("internalstore-console").FullName;
    await using var api = await ApiProcess.StartAsync(options.ApiDll, new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "sqlite",
        ["ConnectionStrings__Store"] = $"Data Source={Path.Combine(data, "store.db")}",
        ["Auth__SigningKey"] = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        ["Console__DemoSignIn"] = "true",
        ["Logging__LogLevel__Default"] = "Warning",
        // A measurement, not a rate test: hundreds of requests per person within a minute.
        ["RateLimiting__PermitsPerMinute"] = "0",
    });
    table = ConsoleTimings.Markdown(await ConsoleTimings.MeasureAsync(api.BaseAddress, IntArg("--rounds", 50), Console.WriteLine));
}
else
{
    table = LoadHarness.Markdown(await new LoadHarness(options).RunAsync(Console.WriteLine));
}

var command = "dotnet run -c Release --project tests/InternalStore.Load -- " + string.Join(' ', args);
var machine = $"{Environment.ProcessorCount} cores, {Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9)} GB, "
              + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
Console.WriteLine();
Console.WriteLine(table);
var writeIndex = Array.IndexOf(args, "--write");
if (writeIndex >= 0 && writeIndex + 1 < args.Length)
{
    var path = Path.Combine(root, args[writeIndex + 1]);
    var template = File.Exists(path) ? await File.ReadAllTextAsync(path) : "";
    var (begin, end) = consoleOnly ? ("<!-- console:begin -->", "<!-- console:end -->") : ("<!-- results:begin -->", "<!-- results:end -->");
    var what = consoleOnly ? $"{IntArg("--rounds", 50)} requests per page after 3 warm-up requests" : $"{seconds} s per scenario";
    var results = $"{begin}\nMeasured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine}; {what}; command: `{command.Trim()}`\n\n{table}{end}";
    var updated = template.Contains(begin, StringComparison.Ordinal)
        ? template[..template.IndexOf(begin, StringComparison.Ordinal)] + results + template[(template.IndexOf(end, StringComparison.Ordinal) + end.Length)..]
        : template + results + "\n";
    await File.WriteAllTextAsync(path, updated);
    Console.WriteLine($"written to {path}");
}

return 0;

static void Run(string file, string arguments)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments))!;
    process.WaitForExit();
    if (process.ExitCode != 0)
        throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}).");
}

static string RepositoryRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "InternalStore.sln")))
        dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}

int IntArg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
