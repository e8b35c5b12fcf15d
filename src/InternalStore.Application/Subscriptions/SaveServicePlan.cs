using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Catalog;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Benefits;
using InternalStore.Domain.Common;
using InternalStore.Domain.Settlement;
using InternalStore.Domain.Subscriptions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Subscriptions;

/// <summary>Catalog creates a plan; the same id with the same terms replays, other terms are 409 <c>duplicate-plan</c>.</summary>
public sealed record CreateServicePlanCommand(Caller Caller, string? Id, ServicePlanInput? Plan) : ICommand<SaveServicePlanResult>, ICallerMessage;

/// <summary>Catalog changes a plan's terms; a new price reaches existing subscribers after the notice period.</summary>
public sealed record UpdateServicePlanCommand(Caller Caller, string Id, ServicePlanInput? Plan) : ICommand<SaveServicePlanResult>, ICallerMessage;

public sealed record SaveServicePlanResult(ServicePlanDto Plan, bool Created);

public sealed class CreateServicePlanValidator : AbstractValidator<CreateServicePlanCommand>
{
    public CreateServicePlanValidator(IOptions<Pricing.PricingOptions> pricing)
    {
        RuleFor(x => x.Id).NotEmpty().MaximumLength(ServicePlan.MaxIdLength).Matches(CatalogRules.SkuPattern)
            .WithMessage("id is letters, digits, '.', '_' or '-' (up to 40), like DSL-100.").OverridePropertyName("id");
        this.PlanInputRules(x => x.Plan, pricing.Value.Currency);
    }
}

public sealed class UpdateServicePlanValidator : AbstractValidator<UpdateServicePlanCommand>
{
    public UpdateServicePlanValidator(IOptions<Pricing.PricingOptions> pricing) => this.PlanInputRules(x => x.Plan, pricing.Value.Currency);
}

/// <summary>What a plan's terms must agree with: a service product of this store's currency, known companies.</summary>
public sealed class ServicePlanChecks(IStoreDb db, IOptions<Pricing.PricingOptions> pricing)
{
    public async Task CheckAsync(ServicePlanTerms terms, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Sku == terms.Sku, ct)
                      ?? throw new DomainValidationException("validation", "sku", $"There is no product {terms.Sku}; create it in the catalog first.");
        if (product.SupplyKind != SupplyKind.Service)
            throw new DomainValidationException("validation", "sku",
                $"{terms.Sku} is goods; a plan sells a service (a product whose supply kind is service).");
        if (product.Currency != pricing.Value.Currency)
            throw new DomainValidationException("unsupported-currency", "sku",
                $"{terms.Sku} is priced in {product.Currency}; this store bills in {pricing.Value.Currency}.");
        var codes = terms.Companies.Append(terms.Provider).Distinct().ToList();
        var known = await db.Companies.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
        if (!known.Contains(terms.Provider))
            throw new DomainValidationException("validation", "provider", $"There is no company {terms.Provider}.");
        if (terms.Companies.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
            throw new DomainValidationException("validation", "companies", $"There is no company {unknown}.");
    }
}

public sealed class CreateServicePlanHandler(IStoreDb db, ServicePlanChecks checks, TimeProvider clock,
    IOptions<Pricing.PricingOptions> pricing, IOptions<PayrollOptions> payroll) : ICommandHandler<CreateServicePlanCommand, SaveServicePlanResult>
{
    public async ValueTask<SaveServicePlanResult> Handle(CreateServicePlanCommand command, CancellationToken cancellationToken)
    {
        var terms = command.Plan!.ToTerms();
        var calendar = new PayrollCalendar(payroll.Value.PeriodsPerMonth);
        var existing = await db.ServicePlans.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken);
        if (existing is not null)
            return existing.Has(terms)
                ? new SaveServicePlanResult(existing.ToDto(includeCost: true, calendar), Created: false)
                : throw new ConflictException("duplicate-plan", $"A plan with id '{command.Id}' exists with other terms; change it with PUT.");
        await checks.CheckAsync(terms, cancellationToken);
        var plan = ServicePlan.Create(command.Id!, terms, pricing.Value.Currency, command.Caller.Subject, clock.GetUtcNow());
        db.ServicePlans.Add(plan);
        await db.SaveChangesAsync(cancellationToken);
        return new SaveServicePlanResult(plan.ToDto(includeCost: true, calendar), Created: true);
    }
}

public sealed class UpdateServicePlanHandler(IStoreDb db, ServicePlanChecks checks, TimeProvider clock,
    IOptions<PayrollOptions> payroll) : ICommandHandler<UpdateServicePlanCommand, SaveServicePlanResult>
{
    public async ValueTask<SaveServicePlanResult> Handle(UpdateServicePlanCommand command, CancellationToken cancellationToken)
    {
        var plan = await db.ServicePlans.FirstOrDefaultAsync(p => p.Id == command.Id, cancellationToken)
                   ?? throw new NotFoundException("Service plan", command.Id);
        var terms = command.Plan!.ToTerms();
        await checks.CheckAsync(terms, cancellationToken);
        if (!plan.Has(terms))
        {
            plan.Update(terms, command.Caller.Subject, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SaveServicePlanResult(plan.ToDto(includeCost: true, new PayrollCalendar(payroll.Value.PeriodsPerMonth)), Created: false);
    }
}
