using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Behaviors;

/// <summary>
/// One database transaction per command. A command that lost an optimistic-concurrency race is run
/// again from the start on fresh data (the handler re-reads and re-applies the domain rules), so
/// concurrent writers are serialised without lost updates. A command that lost a race on a unique
/// key is run again the same way: on the second run it finds the winner's row and replays or
/// refuses it, which is how idempotent creation works.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IStoreDb db, IDatabaseErrors errors)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    private const int MaxAttempts = 5;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await next(message, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var response = await next(message, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return response;
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
        }
    }
}
