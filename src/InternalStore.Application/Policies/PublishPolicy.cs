using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Policies;

/// <summary>
/// Freezes a draft and sets the day it takes effect (today or later: the past is not rewritten).
/// Two versions of one company never take effect on the same day, so exactly one is in force at
/// any instant.
/// </summary>
public sealed record PublishPolicyCommand(Caller Caller, Guid Id, DateOnly? EffectiveFrom) : ICommand<PolicyVersionDto>, ICallerMessage;

public sealed class PublishPolicyValidator : AbstractValidator<PublishPolicyCommand>
{
    public PublishPolicyValidator() => RuleFor(x => x.EffectiveFrom).NotNull().OverridePropertyName("effectiveFrom");
}

public sealed class PublishPolicyHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock) : ICommandHandler<PublishPolicyCommand, PolicyVersionDto>
{
    public async ValueTask<PolicyVersionDto> Handle(PublishPolicyCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var effectiveFrom = command.EffectiveFrom!.Value;
        if (effectiveFrom < today)
            throw new DomainValidationException("validation", "effectiveFrom",
                $"A policy takes effect today ({today:yyyy-MM-dd}) or later, not {effectiveFrom:yyyy-MM-dd}.");

        var policy = await db.LoadVisibleAsync(await authority.ScopeOfAsync(command.Caller, cancellationToken), command.Id, cancellationToken);
        var sameDay = await db.Policies.AnyAsync(p => p.CompanyCode == policy.CompanyCode && p.Id != policy.Id
            && p.Status == PolicyStatus.Published && p.EffectiveFrom == effectiveFrom, cancellationToken);
        if (sameDay)
            throw new ConflictException("invalid-state",
                $"Another version of {policy.CompanyCode}'s policy takes effect on {effectiveFrom:yyyy-MM-dd}; pick another day.");

        var before = policy.AuditedFields();
        policy.Publish(effectiveFrom, now);
        db.Audit(policy.Id, "published", command.Caller.Subject, now, before, policy.AuditedFields());
        await db.SaveChangesAsync(cancellationToken);
        var inForce = await db.InForceIdsAsync([policy.CompanyCode], today, cancellationToken);
        return policy.ToDto(inForce.Contains(policy.Id));
    }
}
