using FluentValidation;
using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// A service provider offers a service of its own cost centre with its first rate. The same id with the
/// same terms replays; anything else under that id is 409 <c>duplicate-service</c>.
/// </summary>
public sealed record CreateInternalServiceCommand(Caller Caller, string? Id, InternalServiceInput? Service, decimal? UnitRate, DateOnly? From)
    : ICommand<SaveInternalServiceResult>, Authority.ICallerMessage;

public sealed record SaveInternalServiceResult(InternalServiceDto Service, bool Created);

public sealed class CreateInternalServiceValidator : AbstractValidator<CreateInternalServiceCommand>
{
    public CreateInternalServiceValidator()
    {
        RuleFor(x => x.Id).NotEmpty().MaximumLength(InternalService.MaxIdLength).Matches(CatalogRules.SkuPattern)
            .WithMessage("id is letters, digits, '.', '_' or '-' (up to 40), like IT-SUPPORT-H.").OverridePropertyName("id");
        this.InputRules(x => x.Service);
        this.RateRules(x => x.UnitRate, x => x.From);
    }
}

public sealed class CreateInternalServiceHandler(IStoreDb db, TimeProvider clock, IOptions<Pricing.PricingOptions> pricing)
    : ICommandHandler<CreateInternalServiceCommand, SaveInternalServiceResult>
{
    public async ValueTask<SaveInternalServiceResult> Handle(CreateInternalServiceCommand command, CancellationToken cancellationToken)
    {
        var caller = command.Caller;
        if (!caller.IsInRole(Roles.ServiceProvider) || caller.CostCenter is null)
            throw new ForbiddenException("A service is offered by the service provider of its cost centre.");
        var terms = command.Service!.ToTerms();
        var today = DateOnly.FromDateTime(clock.Stored().UtcDateTime);
        var existing = await db.InternalServices.AsNoTracking().Include(s => s.Rates).FirstOrDefaultAsync(s => s.Id == command.Id, cancellationToken);
        if (existing is not null)
        {
            var first = existing.Rates.MinBy(r => r.SetAt);
            return existing.SupplierCostCenter == caller.CostCenter && existing.Terms == terms
                   && first?.UnitRate == command.UnitRate && first?.From == command.From
                ? new SaveInternalServiceResult(existing.ToDto(today), Created: false)
                : throw new ConflictException("duplicate-service", $"There is already a service {command.Id} (of {existing.SupplierCostCenter}).");
        }

        await db.EnsureOpenAsync(caller.Company!, command.From!.Value, cancellationToken);
        var service = InternalService.Create(command.Id!, terms, caller.CostCenter, caller.Company!, pricing.Value.Currency,
            command.UnitRate!.Value, command.From.Value, caller.Subject, clock.Stored());
        db.InternalServices.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveInternalServiceResult(service.ToDto(today), Created: true);
    }
}
