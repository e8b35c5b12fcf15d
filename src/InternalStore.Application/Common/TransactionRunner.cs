using InternalStore.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Common;

/// <summary>
/// Runs work in one database transaction. Work that lost an optimistic-concurrency race is run
/// again from the start on fresh data (it re-reads and re-applies the domain rules), so concurrent
/// writers are serialised without lost updates. Work that lost a race on a unique key is run again
/// the same way: the second run finds the winner's row and replays or refuses it, which is how
/// idempotent creation works.
/// </summary>
public sealed class TransactionRunner(IStoreDb db, IDatabaseErrors errors, IWriteGate gate)
{
    private const int MaxAttempts = 5;

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await work(cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            using var turn = await gate.EnterAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var result = await work(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts
                && (ex is DbUpdateConcurrencyException || errors.IsUniqueViolation(ex)))
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || errors.IsUniqueViolation(ex))
            {
                throw new ConflictException("invalid-state",
                    "The resource was changed by someone else at the same time; try again.");
            }
            catch
            {
                // Whatever the work tracked belongs to the failed transaction: a later unit of work
                // on this scope must not save it.
                db.ChangeTracker.Clear();
                throw;
            }
        }
    }
}

/// <summary>
/// A command whose handler opens its own transactions (with <see cref="TransactionRunner"/>),
/// because it calls out of the process between them and must not hold a transaction meanwhile.
/// </summary>
public interface IRunsOwnTransactions;

/// <summary>
/// Lets write transactions of this process take turns before they reach the database. SQLite allows
/// one writer at a time: queuing here is fair and costs nothing, where writers colliding in SQLite
/// would back off by sleeping. PostgreSQL needs no gate.
/// </summary>
public interface IWriteGate
{
    ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken);
}
