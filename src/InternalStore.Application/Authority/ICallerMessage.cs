using InternalStore.Application.Common;

namespace InternalStore.Application.Authority;

/// <summary>
/// A command or query made by someone. <see cref="Behaviors.OrganisationBehavior{TMessage,TResponse}"/>
/// checks the caller's claims against the organisation before anything else runs, so the API, the
/// console, the CLI and the workers are held to the same rules in one place.
/// </summary>
public interface ICallerMessage
{
    Caller Caller { get; }
}
