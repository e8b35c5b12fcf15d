using InternalStore.Application.Authority;
using System.Text.Json.Nodes;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Policies;

/// <summary>Creates a draft version for a company (default: the caller's). Its number follows the company's last.</summary>
public sealed record CreatePolicyCommand(Caller Caller, string? Company, string? Name, JsonObject? Document)
    : ICommand<PolicyVersionDto>, ICallerMessage;

public sealed class CreatePolicyValidator : AbstractValidator<CreatePolicyCommand>
{
    public CreatePolicyValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(x => x.Document).NotNull().OverridePropertyName("document");
        RuleFor(x => x.Company ?? x.Caller.Company).NotEmpty().WithMessage("Say which company the policy is for.")
            .OverridePropertyName("company");
    }
}

public sealed class CreatePolicyHandler(IStoreDb db, OrganisationAuthority authority, PolicyDocument documents, TimeProvider clock)
    : ICommandHandler<CreatePolicyCommand, PolicyVersionDto>
{
    public async ValueTask<PolicyVersionDto> Handle(CreatePolicyCommand command, CancellationToken cancellationToken)
    {
        var company = command.Company ?? command.Caller.Company!;
        (await authority.ScopeOfAsync(command.Caller, cancellationToken)).EnsureCanManage(company);
        var canonical = await documents.CanonicalAsync(command.Document!, cancellationToken);
        var last = await db.Policies.Where(p => p.CompanyCode == company)
            .MaxAsync(p => (int?)p.Version, cancellationToken) ?? 0;

        var now = clock.GetUtcNow();
        var policy = PolicyVersion.Draft(company, last + 1, command.Name!, canonical, command.Caller.Subject, now);
        db.Policies.Add(policy);
        db.Audit(policy.Id, "created", command.Caller.Subject, now, new Dictionary<string, string?>(), policy.AuditedFields());
        await db.SaveChangesAsync(cancellationToken);
        return policy.ToDto(inForce: false);
    }
}
