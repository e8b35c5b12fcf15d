using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InternalStore.Application.Checkout.Methods;

public static class SettlementMethodRegistration
{
    /// <summary>The store's settlement methods; a new one is one more line here.</summary>
    public static IServiceCollection AddSettlementMethods(this IServiceCollection services) => services
        .AddSettlementMethod<CardMethod>()
        .AddSettlementMethod<PayrollMethod>()
        .AddSettlementMethod<ChargebackMethod>()
        .AddSettlementMethod<InvoiceMethod>();

    public static IServiceCollection AddSettlementMethod<TMethod>(this IServiceCollection services)
        where TMethod : class, ISettlementMethod
    {
        services.TryAddScoped<SettlementMethods>();
        services.AddScoped<TMethod>();
        services.AddScoped<ISettlementMethod>(sp => sp.GetRequiredService<TMethod>());
        return services;
    }
}
