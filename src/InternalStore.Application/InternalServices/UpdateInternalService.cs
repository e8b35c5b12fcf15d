using InternalStore.Application.Common;
using Mediator;
using FluentValidation;

namespace InternalStore.Application.InternalServices;

/// <summary>The provider renames a service, changes its unit or description, or stops offering it (active false).</summary>
public sealed record UpdateInternalServiceCommand(Caller Caller, string Id, InternalServiceInput? Service)
    : ICommand<InternalServiceDto>, Authority.ICallerMessage;

public sealed class UpdateInternalServiceValidator : AbstractValidator<UpdateInternalServiceCommand>
{
    public UpdateInternalServiceValidator() => this.InputRules(x => x.Service);
}

public sealed class UpdateInternalServiceHandler(IStoreDb db, InternalServiceAccess access, TimeProvider clock)
    : ICommandHandler<UpdateInternalServiceCommand, InternalServiceDto>
{
    public async ValueTask<InternalServiceDto> Handle(UpdateInternalServiceCommand command, CancellationToken cancellationToken)
    {
        var service = await access.ToManageAsync(command.Caller, command.Id, cancellationToken);
        var terms = command.Service!.ToTerms();
        if (service.Terms != terms)
        {
            service.Update(terms);
            await db.SaveChangesAsync(cancellationToken);
        }

        return service.ToDto(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
