using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Negotiation.Agreements;

/// <summary>Finance of the seller ends an agreement before its last day, with a reason: from today the standard price applies.</summary>
public sealed record EndPriceAgreementCommand(Caller Caller, long Id, string? Reason) : ICommand<PriceAgreementDto>, ICallerMessage;

public sealed class EndPriceAgreementValidator : AbstractValidator<EndPriceAgreementCommand>
{
    public EndPriceAgreementValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why the agreement ends: the buyer and the audit read it.")
            .MaximumLength(2000).OverridePropertyName("reason");
}

public sealed class EndPriceAgreementHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock)
    : ICommandHandler<EndPriceAgreementCommand, PriceAgreementDto>
{
    public async ValueTask<PriceAgreementDto> Handle(EndPriceAgreementCommand command, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(command.Caller, cancellationToken);
        var agreement = await db.PriceAgreements.FirstOrDefaultAsync(a => a.Id == command.Id, cancellationToken)
            ?? throw new NotFoundException("Price agreement", command.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        PriceAgreementAccess.RequireSellerFinance(scope, agreement);
        var request = await db.QuoteRequests.Include(r => r.Events)
            .FirstAsync(r => r.Id == agreement.QuoteRequestId, cancellationToken);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        agreement.End(request, command.Caller.Subject, command.Reason!, today, now);
        await db.SaveChangesAsync(cancellationToken);
        return agreement.ToDto(today);
    }
}
