using InternalStore.Application.Authority;
using System.Text.Json.Nodes;
using FluentValidation;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Policies;

/// <summary>Revises a draft's name and document. A published version is frozen (409).</summary>
public sealed record UpdatePolicyCommand(Caller Caller, Guid Id, string? Name, JsonObject? Document)
    : ICommand<PolicyVersionDto>, ICallerMessage;

public sealed class UpdatePolicyValidator : AbstractValidator<UpdatePolicyCommand>
{
    public UpdatePolicyValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(x => x.Document).NotNull().OverridePropertyName("document");
    }
}

public sealed class UpdatePolicyHandler(IStoreDb db, OrganisationAuthority authority, PolicyDocument documents, TimeProvider clock)
    : ICommandHandler<UpdatePolicyCommand, PolicyVersionDto>
{
    public async ValueTask<PolicyVersionDto> Handle(UpdatePolicyCommand command, CancellationToken cancellationToken)
    {
        var policy = await db.LoadVisibleAsync(await authority.ScopeOfAsync(command.Caller, cancellationToken), command.Id, cancellationToken);
        var before = policy.AuditedFields();
        var canonical = await documents.CanonicalAsync(command.Document!, cancellationToken);

        policy.Revise(command.Name!, canonical);
        db.Audit(policy.Id, "revised", command.Caller.Subject, clock.GetUtcNow(), before, policy.AuditedFields());
        await db.SaveChangesAsync(cancellationToken);
        return policy.ToDto(inForce: false);
    }
}
