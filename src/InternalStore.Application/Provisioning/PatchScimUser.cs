using System.Text.Json.Nodes;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Provisioning;

/// <summary>PATCH /Users/{id}: the operations are applied to the stored representation, which is then written like a PUT.</summary>
public sealed record PatchScimUserCommand(Caller Caller, string BaseUrl, string Id, JsonObject Patch) : ICommand<JsonObject>, ICallerMessage;

public sealed class PatchScimUserHandler(ScimProvisioner provisioner) : ICommandHandler<PatchScimUserCommand, JsonObject>
{
    public async ValueTask<JsonObject> Handle(PatchScimUserCommand command, CancellationToken cancellationToken)
    {
        var employee = await provisioner.FindAsync(command.Caller, command.Id, cancellationToken);
        var resource = ScimUser.ToResource(employee, command.BaseUrl);
        ScimPatch.Apply(resource, command.Patch);
        await provisioner.ReplaceAsync(command.Caller, employee, ScimUser.Read(resource), cancellationToken);
        return ScimUser.ToResource(employee, command.BaseUrl);
    }
}
