using InternalStore.Application.Benefits;
using InternalStore.Application.Common;
using InternalStore.Application.Subscriptions;
using InternalStore.Domain.Benefits;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.People;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Core.Tests.Subscriptions;

/// <summary>The store on a settable clock under the US qualified-employee-discount rule.</summary>
public sealed class UsRuleClockStore : CoreStore
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<IBenefitTaxRule>(new UsQualifiedEmployeeDiscountRule());
    }
}

/// <summary>
/// A subscription period is a service for the fringe-benefit rule: under the US rule 20 % of the external
/// price is tax-free for an employee of a services company, nothing for one of a goods company.
/// </summary>
public sealed class ServiceBenefitTests(UsRuleClockStore store) : IClassFixture<UsRuleClockStore>
{
    private static readonly Caller Catalog = new("C9001", new HashSet<string> { Roles.Catalog }, "ABC");

    [Fact]
    public async Task A_period_s_discount_is_tax_free_up_to_20_percent_of_the_external_price_in_the_line_of_business()
    {
        store.Clock.Now = new DateTimeOffset(2027, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var plan = "T-US-" + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
            db.Products.Add(Product.Create(plan, new ProductDetails("Service", null, "services", 31m, 3m, "USD", true, true), 0, store.Clock.Now));
            db.Employees.Add(new Employee("U1", "Uma Services", "u1@xyz.example", "XYZ", "CC-2000", 8, new DateOnly(2015, 1, 5)));
            db.Employees.Add(new Employee("U2", "Ugo Goods", "u2@abc.example", "ABC", "CC-1000", 8, new DateOnly(2015, 1, 5)));
            await db.SaveChangesAsync();
        }

        await store.SendAsync(new CreateServicePlanCommand(Catalog, plan, new ServicePlanInput("Plan", plan, "XYZ", "monthly", 31.00m, 3.00m,
            0, 30, false, null, null, null, false, false, true)));
        foreach (var (id, company) in new[] { ("U1", "XYZ"), ("U2", "ABC") })
            await store.SendAsync(new SubscribeCommand(new Caller(id, new HashSet<string> { Roles.Employee }, company), Guid.NewGuid().ToString(), plan));
        store.Clock.Now = new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.Zero);
        await store.SendAsync(new BillSubscriptionsCommand(Caller.System, new DateOnly(2027, 1, 31)));

        var benefits = await store.SendAsync(new ListTaxableBenefitsQuery(Caller.System, new DateOnly(2027, 1, 31)));
        Assert.Equal(UsQualifiedEmployeeDiscountRule.RuleName, benefits.Rule);
        // 26 of 31 days: 26.00 external, 18.20 for gold (30 %), a 7.80 discount.
        var services = Assert.Single(benefits.Employees, e => e.EmployeeId == "U1");
        Assert.Equal((7.80m, 5.20m, 2.60m), (services.Discount, services.QualifiedLimit, services.TaxableExcess));
        var goods = Assert.Single(benefits.Employees, e => e.EmployeeId == "U2");
        Assert.Equal((7.80m, 0m, 7.80m), (goods.Discount, goods.QualifiedLimit, goods.TaxableExcess));
    }
}
