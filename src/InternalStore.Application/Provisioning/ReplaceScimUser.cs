using System.Text.Json.Nodes;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Provisioning;

/// <summary>PUT /Users/{id}: the provider's whole view of the person (Okta's way of sending a change).</summary>
public sealed record ReplaceScimUserCommand(Caller Caller, string BaseUrl, string Id, JsonObject User) : ICommand<JsonObject>, ICallerMessage;

public sealed class ReplaceScimUserHandler(ScimProvisioner provisioner) : ICommandHandler<ReplaceScimUserCommand, JsonObject>
{
    public async ValueTask<JsonObject> Handle(ReplaceScimUserCommand command, CancellationToken cancellationToken)
    {
        var employee = await provisioner.FindAsync(command.Caller, command.Id, cancellationToken);
        await provisioner.ReplaceAsync(command.Caller, employee, ScimUser.Read(command.User), cancellationToken);
        return ScimUser.ToResource(employee, command.BaseUrl);
    }
}
