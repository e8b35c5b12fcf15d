using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Provisioning;

/// <summary>
/// DELETE /Users/{id}: the person leaves (if still employed) and is no longer provisioned; the record,
/// its orders and its audit trail stay. Afterwards the user is 404 to SCIM (RFC 7644 §3.6); a POST with
/// the same employee number provisions the record again (a rehire).
/// </summary>
public sealed record DeleteScimUserCommand(Caller Caller, string Id) : ICommand, ICallerMessage;

public sealed class DeleteScimUserHandler(ScimProvisioner provisioner) : ICommandHandler<DeleteScimUserCommand>
{
    public async ValueTask<Unit> Handle(DeleteScimUserCommand command, CancellationToken cancellationToken)
    {
        var employee = await provisioner.FindAsync(command.Caller, command.Id, cancellationToken);
        await provisioner.ReleaseAsync(command.Caller, employee, cancellationToken);
        return Unit.Value;
    }
}
