using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Benefits;
using InternalStore.Domain.Common;
using Mediator;

namespace InternalStore.Application.Benefits;

/// <summary>Finance sets a gross profit percentage (audited: every setting is kept with who, when and why).</summary>
public sealed record SetGrossProfitRateCommand(Caller Caller, string? Company, string? LineOfBusiness, int? Year,
    decimal? Percent, string? Reason) : ICommand<GrossProfitRateDto>, ICallerMessage;

public sealed class SetGrossProfitRateValidator : AbstractValidator<SetGrossProfitRateCommand>
{
    public SetGrossProfitRateValidator()
    {
        RuleFor(x => x.Company).NotEmpty().MaximumLength(20);
        RuleFor(x => x.LineOfBusiness).Must(l => l is "goods" or "service").WithMessage("lineOfBusiness is goods or service.");
        RuleFor(x => x.Year).NotNull().InclusiveBetween(2000, 2100);
        RuleFor(x => x.Percent).NotNull().InclusiveBetween(0m, 100m).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say where the figure comes from (e.g. the audited accounts).").MaximumLength(500);
    }
}

public sealed class SetGrossProfitRateHandler(IStoreDb db, OrganisationAuthority authority, TimeProvider clock)
    : ICommandHandler<SetGrossProfitRateCommand, GrossProfitRateDto>
{
    public async ValueTask<GrossProfitRateDto> Handle(SetGrossProfitRateCommand command, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(command.Caller, cancellationToken);
        if (!scope.Chart.HasCompany(command.Company!))
            throw new DomainValidationException("validation", "company", $"There is no company '{command.Company}'.");
        if (!scope.Covers(command.Company))
            throw new ForbiddenException($"Finance of {command.Caller.Company} cannot set the gross profit of {command.Company}.");
        var kind = command.LineOfBusiness == "service" ? SupplyKind.Service : SupplyKind.Goods;
        var rate = new GrossProfitRate(command.Company!, kind, command.Year!.Value, command.Percent!.Value,
            command.Caller.Subject, command.Reason!, clock.GetUtcNow());
        db.GrossProfitRates.Add(rate);
        await db.SaveChangesAsync(cancellationToken);
        return new GrossProfitRateDto(rate.CompanyCode, command.LineOfBusiness!, rate.Year, rate.Percent, "finance", rate.SetBy,
            rate.SetAt);
    }
}
