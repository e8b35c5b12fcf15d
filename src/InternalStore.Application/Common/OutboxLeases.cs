using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Common;

/// <summary>
/// The outbox's protocol, shared by its dispatchers: find what is due, lease one message (commit), do
/// the work outside any transaction, record the outcome (commit). A message leased by one process is
/// skipped by the others until its lease runs out; one whose worker died is taken again after that.
/// </summary>
public sealed class OutboxLeases(IStoreDb db, TransactionRunner runner, TimeProvider clock)
{
    /// <summary>How long a dispatcher holds a message; one that dies holding it delays it by up to this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async Task<List<Guid>> DueAsync(IReadOnlyCollection<string> types, bool include, int limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = db.OutboxMessages.AsNoTracking().Where(m => m.ProcessedAt == null && m.NextAttemptAt <= now);
        due = include ? due.Where(m => types.Contains(m.Type)) : due.Where(m => !types.Contains(m.Type));
        return await due.OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(limit).ToListAsync(ct);
    }

    /// <summary>The message, leased to this process; null when another has it or it is done.</summary>
    public Task<OutboxMessage?> LeaseAsync(Guid id, CancellationToken cancellationToken) =>
        runner.RunAsync(async ct =>
        {
            var message = await db.OutboxMessages.FirstAsync(m => m.Id == id, ct);
            if (message.ProcessedAt is not null || message.NextAttemptAt > clock.GetUtcNow())
                return null;
            message.Lease(clock.GetUtcNow(), Lease);
            await db.SaveChangesAsync(ct);
            return message;
        }, cancellationToken);

    /// <summary>Records the outcome: done (with <paramref name="alsoDone"/> in the same commit), or failed and backed off.</summary>
    public Task FinishAsync(Guid id, string? error, CancellationToken cancellationToken, Func<CancellationToken, Task>? alsoDone = null) =>
        runner.RunAsync(async ct =>
        {
            var message = await db.OutboxMessages.FirstAsync(m => m.Id == id, ct);
            if (error is null)
            {
                message.Done(clock.GetUtcNow());
                if (alsoDone is not null)
                    await alsoDone(ct);
            }
            else
            {
                message.Failed(error, clock.GetUtcNow());
            }

            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
}
