using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace InternalStore.Load.Harness;

/// <summary>The API as its own process on a loopback port, with its start-up time and peak memory.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private ApiProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress, TimeSpan firstResponse)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        FirstResponse = firstResponse;
    }

    public Uri BaseAddress { get; }

    /// <summary>From process start to the first answered request.</summary>
    public TimeSpan FirstResponse { get; }

    /// <summary>What the process has written so far, standard output and error, line by line.</summary>
    public IReadOnlyList<string> Output => _output.ToArray();

    public static async Task<ApiProcess> StartAsync(string apiDll, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
        };
        start.ArgumentList.Add(apiDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the API.");
        var output = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) output.Enqueue(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                    return new ApiProcess(process, output, baseAddress, clock.Elapsed);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
                // One poll timed out: requests wait for migrations, which a busy machine slows down.
            }

            if (process.HasExited)
                throw new InvalidOperationException(
                    $"The API exited with code {process.ExitCode} before answering:\n{string.Join('\n', output.TakeLast(20))}");
            await Task.Delay(10);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("The API did not answer within 90 s.");
    }

    /// <summary>CPU time the process has used so far (user and system, all threads).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>Peak resident memory of the process so far (VmHWM), in MB; NaN where /proc is not there.</summary>
    public double PeakRssMegabytes()
    {
        var status = $"/proc/{_process.Id}/status";
        if (!File.Exists(status))
            return double.NaN;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN
            : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private int _disposed;

    /// <summary>Kills the process (SIGKILL on Linux: no graceful shutdown), once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
