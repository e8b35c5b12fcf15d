using System.Text.Json.Nodes;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Provisioning;

/// <summary>
/// A joiner (POST /Users). Creating twice is refused with 409 <c>uniqueness</c>, as SCIM clients
/// expect: the userName and the employee number are the keys that make a retry safe, so this command
/// takes no Idempotency-Key.
/// </summary>
public sealed record CreateScimUserCommand(Caller Caller, string BaseUrl, JsonObject User) : ICommand<JsonObject>, ICallerMessage;

public sealed class CreateScimUserHandler(ScimProvisioner provisioner) : ICommandHandler<CreateScimUserCommand, JsonObject>
{
    public async ValueTask<JsonObject> Handle(CreateScimUserCommand command, CancellationToken cancellationToken)
    {
        var input = ScimUser.Read(command.User);
        var employee = await provisioner.CreateAsync(command.Caller, input, cancellationToken);
        return ScimUser.ToResource(employee, command.BaseUrl);
    }
}
