using System.Diagnostics;

namespace InternalStore.Load.Harness;

/// <summary>One request of a scenario; true when the answer is the expected one.</summary>
public delegate Task<bool> Send(HttpClient client, CancellationToken cancellationToken);

/// <param name="ServerCpuMicroseconds">CPU time the API process spent per request of the throughput run
/// (user and system, all its threads): steadier than req/s on a machine the generator shares.</param>
public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors,
    double LatencyRate, double ServerCpuMicroseconds = double.NaN);

/// <summary>
/// A load generator over HTTP/1.1 keep-alive connections. Throughput is measured closed-loop (each
/// connection sends its next request when the last one is answered). Latency is measured open-loop
/// at 80 % of that throughput, from when each request was <em>due</em>, not from when it was sent,
/// so a stalled server shows up in the percentiles instead of silently slowing the sender
/// (no coordinated omission, as wrk2 does it).
/// </summary>
public sealed class LoadGenerator(Uri baseAddress, int connections)
{
    public async Task<LoadResult> RunAsync(Func<int, Send> scenario, TimeSpan warmup, TimeSpan duration,
        Func<TimeSpan>? serverCpu = null, CancellationToken cancellationToken = default)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await ClosedLoopAsync(client, scenario, warmup, cancellationToken);
        var cpuBefore = serverCpu?.Invoke();
        var (done, errors, elapsed) = await ClosedLoopAsync(client, scenario, duration, cancellationToken);
        var cpu = serverCpu is null || done == 0 ? double.NaN : (serverCpu() - cpuBefore!.Value).TotalMicroseconds / done;
        var rate = done / elapsed.TotalSeconds;
        var latencyRate = Math.Max(1, rate * 0.8);
        var latencies = await OpenLoopAsync(client, scenario, latencyRate, duration, cancellationToken);
        latencies.Sort();
        return new LoadResult(rate, Percentile(latencies, 0.50), Percentile(latencies, 0.99), done, errors, latencyRate, cpu);
    }

    private async Task<(long Done, long Errors, TimeSpan Elapsed)> ClosedLoopAsync(HttpClient client, Func<int, Send> scenario,
        TimeSpan duration, CancellationToken cancellationToken)
    {
        long done = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            var send = scenario(i);
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                if (await TrySendAsync(send, client, cancellationToken))
                    Interlocked.Increment(ref done);
                else
                    Interlocked.Increment(ref errors);
            }
        }, cancellationToken)));
        return (done, errors, clock.Elapsed);
    }

    private async Task<List<double>> OpenLoopAsync(HttpClient client, Func<int, Send> scenario, double rate, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var total = (long)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var senders = Enumerable.Range(0, connections).Select(scenario).ToArray();
        var inFlight = new List<Task>((int)Math.Min(total, 1_000_000));
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait, cancellationToken);
            var index = i;
            inFlight.Add(Task.Run(async () =>
            {
                await TrySendAsync(senders[index % senders.Length], client, cancellationToken);
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }, cancellationToken));
        }

        await Task.WhenAll(inFlight);
        return [.. latencies];
    }

    private static async Task<bool> TrySendAsync(Send send, HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await send(client, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
