using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Behaviors;

/// <summary>One database transaction per command (see <see cref="TransactionRunner"/>), unless the command runs its own.</summary>
public sealed class TransactionBehavior<TMessage, TResponse>(TransactionRunner runner)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (message is IRunsOwnTransactions)
            return await next(message, cancellationToken);
        return await runner.RunAsync(async ct => await next(message, ct), cancellationToken);
    }
}
