using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Access;
using InternalStore.Domain.Common;
using Mediator;

namespace InternalStore.Application.Provisioning;

/// <summary>
/// Issues the token an identity provider provisions <paramref name="Company"/> (and the companies below it)
/// with. The secret is in the result once and never stored. HR may issue one for a company of theirs; the
/// CLI (the operator) for any.
/// </summary>
public sealed record CreateScimTokenCommand(Caller Caller, string? Company, string? Name) : ICommand<CreatedScimToken>, ICallerMessage;

public sealed record CreatedScimToken(ScimTokenDto Token, string Secret);

public sealed class CreateScimTokenValidator : AbstractValidator<CreateScimTokenCommand>
{
    public CreateScimTokenValidator()
    {
        RuleFor(x => x.Company).NotEmpty().WithMessage("company is the code of the company the token provisions.")
            .MaximumLength(20).OverridePropertyName("company");
        RuleFor(x => x.Name).MaximumLength(100).OverridePropertyName("name");
    }
}

public sealed class CreateScimTokenHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock)
    : ICommandHandler<CreateScimTokenCommand, CreatedScimToken>
{
    public async ValueTask<CreatedScimToken> Handle(CreateScimTokenCommand command, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(command.Caller, cancellationToken);
        var company = command.Company!;
        if (!scope.Chart.HasCompany(company))
            throw new DomainValidationException("validation", "company", $"There is no company {company}.");
        if (!scope.Covers(company))
            throw new ForbiddenException($"A token for {company} is issued by HR of {company} or of a company above it.");
        var (token, secret) = ScimToken.Create(company, string.IsNullOrWhiteSpace(command.Name) ? "identity provider" : command.Name.Trim(),
            clock.GetUtcNow());
        db.ScimTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedScimToken(token.ToDto(), secret);
    }
}
