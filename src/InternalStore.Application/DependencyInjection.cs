using FluentValidation;
using InternalStore.Application.Behaviors;
using InternalStore.Application.Checkout.Methods;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Application;

public static class DependencyInjection
{
    /// <summary>Registers the mediator (scoped: handlers use the scoped DbContext), behaviors and validators.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(OrganisationBehavior<,>),
                typeof(ValidationBehavior<,>),
                typeof(TransactionBehavior<,>),
            ];
        });
        // One message per field: the first rule that fails says what is wrong.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        // Messages name fields as JSON does ('listPrice'), not as C# does ('List Price').
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        // Validators are stateless and costly to build (each rule compiles its property accessor): one of each.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton,
            filter: scan => scan.ValidatorType != typeof(Checkout.CheckoutOrderValidator), includeInternalTypes: true);
        // It asks the registered settlement methods, which are scoped (they use the DbContext).
        services.AddScoped<IValidator<Checkout.CheckoutOrderCommand>, Checkout.CheckoutOrderValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Common.TransactionRunner>();
        services.AddSingleton<Common.ReadCache>();
        services.AddScoped<Authority.OrganisationAuthority>();
        services.AddScoped<Orders.OrderAccess>();
        services.AddScoped<Orders.OrderPlacer>();
        services.AddScoped<Negotiation.NegotiationBasis>();
        services.AddScoped<Negotiation.QuoteRequestAccess>();
        services.AddScoped<Pricing.PricingFacts>();
        services.AddScoped<Pricing.CartPricer>();
        services.AddScoped<Pricing.CartQuotes>();
        services.AddScoped<Shop.CatalogPricing>();
        services.AddScoped<Policies.PolicyDocument>();
        services.AddSettlementMethods();
        services.AddScoped<Checkout.OrderPayments>();
        services.AddScoped<Checkout.CardPaymentOutcomes>();
        services.AddScoped<Checkout.PayrollTermination>();
        services.AddScoped<Subscriptions.PlanPricer>();
        services.AddScoped<Subscriptions.SubscriptionQuotes>();
        services.AddScoped<Subscriptions.SubscriptionBilling>();
        services.AddScoped<Subscriptions.SubscriptionAccess>();
        services.AddScoped<Subscriptions.ServicePlanChecks>();
        services.AddScoped<Subscriptions.SubscriptionCommitments>();
        services.AddScoped<InternalServices.InternalServiceAccess>();
        services.AddScoped<InternalServices.UsagePricing>();
        services.AddScoped<InternalServices.CostCentreStatements>();
        services.AddScoped<Provisioning.ScimProvisioner>();
        services.AddScoped<Support.SupportAccess>();
        services.AddScoped<Support.CaseLinks>();
        services.AddScoped<Notifications.Notifier>();
        services.AddScoped<Common.OutboxLeases>();
        services.AddScoped<Benefits.GrossProfitRates>();
        services.AddScoped<Benefits.BenefitRecorder>();
        services.AddSingleton(sp => Benefits.BenefitOptions.Resolve(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Benefits.BenefitOptions>>().Value.TaxRule));
        return services;
    }
}
