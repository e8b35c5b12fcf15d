using InternalStore.Application.Common;
using InternalStore.Domain.Settlement;

namespace InternalStore.Api.Endpoints;

/// <summary>
/// Ceilings for the performance harness, mapped only when <c>Benchmarks:Endpoints</c> is true: the
/// same app answering a fixed JSON document, and inserting one row through EF Core. The harness
/// reports every scenario as a share of these, measured in the same run.
/// </summary>
public static class BenchmarkEndpoints
{
    private static readonly byte[] Fixed = System.Text.Encoding.UTF8.GetBytes(
        """{"service":"internalstore","status":"ok","purpose":"the ceiling of this app: no auth, no database, a fixed body","padding":"012345678901234567890123456789012345678901234567890123456789012345678901"}""");

    public static IEndpointRouteBuilder MapBenchmarkEndpoints(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Benchmarks:Endpoints"))
            return app;
        var bench = app.MapGroup("/bench").AllowAnonymous().ExcludeFromDescription();
        bench.MapGet("/ping", () => Results.Bytes(Fixed, "application/json"));
        bench.MapPost("/insert", async (IStoreDb db, TimeProvider clock, CancellationToken ct) =>
        {
            db.WebhookEvents.Add(new WebhookEvent("bench:" + Guid.NewGuid().ToString("N"), "bench", clock.GetUtcNow(), "bench"));
            await db.SaveChangesAsync(ct);
            return Results.Created();
        });
        return app;
    }
}
