using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Negotiation;

/// <summary>The negotiation limits of the caller's company (finance): minimum negotiated markup over cost, and the automatic-offer band.</summary>
public sealed record GetNegotiationSettingsQuery(Caller Caller) : IQuery<NegotiationSettingsDto>, ICallerMessage;

public sealed class GetNegotiationSettingsHandler(NegotiationBasis basis) : IQueryHandler<GetNegotiationSettingsQuery, NegotiationSettingsDto>
{
    public async ValueTask<NegotiationSettingsDto> Handle(GetNegotiationSettingsQuery query, CancellationToken cancellationToken)
    {
        var company = query.Caller.Company ?? throw new ForbiddenException("Negotiation settings belong to a company.");
        var s = await basis.SettingsAsync(company, cancellationToken);
        return new NegotiationSettingsDto(company, s.MinimumMarkupPercent, s.AutoOfferBandPercent,
            s.UpdatedBy == "default" ? null : s.UpdatedBy, s.UpdatedBy == "default" ? null : s.UpdatedAt);
    }
}

public sealed record UpdateNegotiationSettingsCommand(Caller Caller, decimal? MinimumMarkupPercent, decimal? AutoOfferBandPercent)
    : ICommand<NegotiationSettingsDto>, ICallerMessage;

public sealed class UpdateNegotiationSettingsValidator : AbstractValidator<UpdateNegotiationSettingsCommand>
{
    public UpdateNegotiationSettingsValidator()
    {
        RuleFor(x => x.MinimumMarkupPercent).NotNull().InclusiveBetween(0, 1000).OverridePropertyName("minimumMarkupPercent");
        RuleFor(x => x.AutoOfferBandPercent).NotNull().InclusiveBetween(0, 100).OverridePropertyName("autoOfferBandPercent");
    }
}

public sealed class UpdateNegotiationSettingsHandler(IStoreDb db, TimeProvider clock)
    : ICommandHandler<UpdateNegotiationSettingsCommand, NegotiationSettingsDto>
{
    public async ValueTask<NegotiationSettingsDto> Handle(UpdateNegotiationSettingsCommand command, CancellationToken cancellationToken)
    {
        var company = command.Caller.Company ?? throw new ForbiddenException("Negotiation settings belong to a company.");
        var now = clock.GetUtcNow();
        var settings = await db.NegotiationSettings.FirstOrDefaultAsync(s => s.Company == company, cancellationToken);
        if (settings is null)
            db.NegotiationSettings.Add(settings = new NegotiationSettings(company, command.MinimumMarkupPercent!.Value,
                command.AutoOfferBandPercent!.Value, command.Caller.Subject, now));
        else
            settings.Update(command.MinimumMarkupPercent!.Value, command.AutoOfferBandPercent!.Value, command.Caller.Subject, now);
        await db.SaveChangesAsync(cancellationToken);
        return new NegotiationSettingsDto(company, settings.MinimumMarkupPercent, settings.AutoOfferBandPercent, settings.UpdatedBy,
            settings.UpdatedAt);
    }
}
