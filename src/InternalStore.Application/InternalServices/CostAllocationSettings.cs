using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.InternalServices;

/// <summary>Each company's choice, chargeback (the default) or showback, for the companies finance covers.</summary>
public sealed record GetCostAllocationSettingsQuery(Caller Caller) : IQuery<IReadOnlyList<CostAllocationSettingDto>>, ICallerMessage;

/// <summary>Finance sets whether a company's month-end posts its departments' services (chargeback) or only shows them (showback).</summary>
public sealed record SetCostAllocationCommand(Caller Caller, string? Company, string? Mode) : ICommand<CostAllocationSettingDto>, ICallerMessage;

public sealed class SetCostAllocationValidator : AbstractValidator<SetCostAllocationCommand>
{
    public SetCostAllocationValidator()
    {
        RuleFor(x => x.Company).NotEmpty().MaximumLength(20).OverridePropertyName("company");
        RuleFor(x => x.Mode).Must(m => WireNames.TryParseWire<CostAllocationMode>(m, out _))
            .WithMessage($"mode is one of {WireNames.All<CostAllocationMode>()}.").OverridePropertyName("mode");
    }
}

public sealed class CostAllocationSettingsHandler(IStoreDb db, OrganisationAuthority authority, InternalServiceAccess access, TimeProvider clock)
    : IQueryHandler<GetCostAllocationSettingsQuery, IReadOnlyList<CostAllocationSettingDto>>,
        ICommandHandler<SetCostAllocationCommand, CostAllocationSettingDto>
{
    public async ValueTask<IReadOnlyList<CostAllocationSettingDto>> Handle(GetCostAllocationSettingsQuery query, CancellationToken cancellationToken)
    {
        var companies = (await authority.ScopeOfAsync(query.Caller, cancellationToken)).Companies.Order(StringComparer.Ordinal).ToList();
        var settings = await db.CostAllocationSettings.AsNoTracking().Where(s => companies.Contains(s.Company))
            .ToDictionaryAsync(s => s.Company, cancellationToken);
        return companies.Select(c => settings.TryGetValue(c, out var s)
            ? new CostAllocationSettingDto(c, s.Mode.WireName(), s.UpdatedBy, s.UpdatedAt)
            : new CostAllocationSettingDto(c, CostAllocationMode.Chargeback.WireName(), null, null)).ToList();
    }

    public async ValueTask<CostAllocationSettingDto> Handle(SetCostAllocationCommand command, CancellationToken cancellationToken)
    {
        var company = command.Company!.Trim();
        if (!await db.Companies.AnyAsync(c => c.Code == company, cancellationToken))
            throw new DomainValidationException("unknown-company", "company", $"There is no company '{company}'.");
        if (!await access.FinanceCoversAsync(command.Caller, cancellationToken, company))
            throw new ForbiddenException($"Finance of {company} or a company above it sets how its months close.");
        var mode = WireNames.TryParseWire<CostAllocationMode>(command.Mode, out var parsed) ? parsed : CostAllocationMode.Chargeback;
        var now = clock.Stored();
        var setting = await db.CostAllocationSettings.FirstOrDefaultAsync(s => s.Company == company, cancellationToken);
        if (setting is null)
            db.CostAllocationSettings.Add(setting = new CostAllocationSetting(company, mode, command.Caller.Subject, now));
        else if (setting.Mode != mode)
            setting.Set(mode, command.Caller.Subject, now);
        await db.SaveChangesAsync(cancellationToken);
        return new CostAllocationSettingDto(company, setting.Mode.WireName(), setting.UpdatedBy, setting.UpdatedAt);
    }
}
