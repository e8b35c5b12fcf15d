using InternalStore.Application.Authority;
using Mediator;

namespace InternalStore.Application.Behaviors;

/// <summary>
/// First in the pipeline: a message made by someone (<see cref="ICallerMessage"/>) runs only when the
/// caller's claims hold in the organisation. This is the one place the API, the console, the CLI and
/// the workers meet, so none of them can price, charge or list for a part of the group that is not there.
/// </summary>
public sealed class OrganisationBehavior<TMessage, TResponse>(OrganisationAuthority authority)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (message is ICallerMessage made)
            await authority.ScopeOfAsync(made.Caller, cancellationToken);
        return await next(message, cancellationToken);
    }
}
