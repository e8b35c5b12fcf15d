using InternalStore.Application.Benefits;
using InternalStore.Application.Common;
using InternalStore.Application.Finance;
using InternalStore.Application.People;
using InternalStore.Application.Subscriptions;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Common;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Core.Tests.Subscriptions;

/// <summary>A clock a test sets to any moment, forwards or back (each test bills its own months).</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The store on a <see cref="SettableClock"/>.</summary>
public sealed class SettableClockStore : CoreStore
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// Billing runs through the handlers on a clock the test moves from pay date to pay date: proration,
/// idempotence, the allowance, the payroll cap with arrears and suspension, notice, cancellation credits,
/// termination and company moves. Each test has its own employee and plan; the group policy gives a
/// grade-5 employee 20 % off (silver).
/// </summary>
public sealed class SubscriptionBillingTests(SettableClockStore store) : IClassFixture<SettableClockStore>
{
    private static readonly Caller Catalog = new("C9001", new HashSet<string> { Roles.Catalog }, "ABC");
    private static readonly Caller GroupHr = new("H0001", new HashSet<string> { Roles.Hr }, "JKL");

    private static Caller As(string employee, string company = "ABC") => new(employee, new HashSet<string> { Roles.Employee }, company);

    private void On(int year, int month, int day) => store.Clock.Now = new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero);

    private async Task<string> EmployeeAsync()
    {
        var id = "S" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
        db.Employees.Add(new Employee(id, "Sam " + id, $"{id.ToLowerInvariant()}@abc.example", "ABC", "CC-1000", 5, new DateOnly(2015, 1, 5)));
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<string> PlanAsync(string period, decimal price, int minimumTerm = 0, int notice = 30, bool immediate = true,
        IReadOnlyList<string>? companies = null)
    {
        var id = "T-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
            db.Products.Add(Product.Create(id, new ProductDetails("Service " + id, null, "services", price, price / 10m, "USD", true, true), 0,
                store.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        await store.SendAsync(new CreateServicePlanCommand(Catalog, id, new ServicePlanInput("Plan " + id, id, "XYZ", period, price, price / 10m,
            minimumTerm, notice, false, companies, null, null, true, immediate, true)));
        return id;
    }

    private async Task<SubscriptionDto> SubscribeAsync(string employee, string plan) =>
        (await store.SendAsync(new SubscribeCommand(As(employee), Guid.NewGuid().ToString(), plan))).Subscription;

    private Task<BillingRunDto> BillAsync(int year, int month, int day) =>
        store.SendAsync(new BillSubscriptionsCommand(Caller.System, new DateOnly(year, month, day)));

    private async Task<SubscriptionDto> ReadAsync(string employee, Guid id) =>
        await store.SendAsync(new GetSubscriptionQuery(As(employee), id));

    private async Task SetAllowanceUsedAsync(string employee, int year, decimal used)
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
        var ledger = await db.AllowanceLedgers.FirstOrDefaultAsync(l => l.EmployeeId == employee && l.Year == year);
        if (ledger is null)
            db.AllowanceLedgers.Add(ledger = new AllowanceLedger(employee, year));
        ledger.Use(used);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_pay_date_is_billed_once_the_first_period_prorated_on_the_payroll_file_and_as_a_benefit()
    {
        On(2027, 1, 5);
        var employee = await EmployeeAsync();
        var plan = await PlanAsync("monthly", 31.00m);
        var subscription = await SubscribeAsync(employee, plan);
        Assert.Equal((new DateOnly(2027, 1, 6), "pending", 24.80m), (subscription.StartsOn, subscription.Status, subscription.ChargePerPeriod));

        On(2027, 1, 20);
        var first = await BillAsync(2027, 1, 31);
        var again = await BillAsync(2027, 1, 31);
        Assert.True(first.Charged >= 1);
        Assert.Equal(0, again.Charged);
        Assert.True(again.AlreadyBilled >= first.Charged);

        var read = await ReadAsync(employee, subscription.Id);
        var charge = Assert.Single(read.Charges);
        Assert.Equal((26.00m, 20.80m, 20.80m, "active"), (charge.ExternalAmount, charge.Amount, charge.Collected, read.Status));
        Assert.Equal("proration", charge.Explanation[0].RuleId);
        var payroll = await store.SendAsync(new ListPayrollDeductionsQuery(Caller.System, new DateOnly(2027, 1, 31)));
        var line = Assert.Single(payroll.Deductions, d => d.EmployeeId == employee);
        Assert.Equal(("subscription", 20.80m, subscription.Id), (line.Type, line.Amount, line.SubscriptionId!.Value));
        Assert.Equal(payroll.Deductions.Sum(d => d.Amount), payroll.Total);
        var benefits = await store.SendAsync(new ListTaxableBenefitsQuery(Caller.System, new DateOnly(2027, 1, 31)));
        var benefit = Assert.Single(benefits.Employees, e => e.EmployeeId == employee);
        Assert.Equal((5.20m, subscription.Id), (benefit.Discount, benefit.Subscriptions.Single()));
        var charges = await store.SendAsync(new ListSubscriptionChargesQuery(Caller.System, new DateOnly(2027, 1, 31)));
        Assert.Equal(payroll.Deductions.Where(d => d.Type == "subscription").Sum(d => d.Amount), charges.Collected);
        Assert.Equal(20.80m, Assert.Single(charges.Plans, p => p.Plan == plan).OwedToProvider);
    }

    [Fact]
    public async Task Once_the_yearly_allowance_is_used_up_a_period_is_charged_at_the_external_price_explained()
    {
        On(2027, 1, 5);
        var employee = await EmployeeAsync();
        var plan = await PlanAsync("monthly", 31.00m);
        var subscription = await SubscribeAsync(employee, plan);
        await SetAllowanceUsedAsync(employee, 2027, 1498.00m); // 2.00 of the 1 500 left

        On(2027, 1, 20);
        await BillAsync(2027, 1, 31);
        On(2027, 2, 20);
        await BillAsync(2027, 2, 28);
        var charges = (await ReadAsync(employee, subscription.Id)).Charges;
        Assert.Equal((24.00m, 2.00m), (charges[0].Amount, charges[0].AllowanceTaken)); // 26.00 less the 2.00 left
        Assert.Equal((31.00m, 31.00m, 0m), (charges[1].ExternalAmount, charges[1].Amount, charges[1].AllowanceTaken));
        Assert.Contains(charges[1].Explanation, s => s.Kind == "allowance" && s.After == 31.00m);
    }

    [Fact]
    public async Task The_payroll_cap_carries_arrears_and_three_missed_periods_suspend_the_subscription()
    {
        On(2026, 12, 31);
        var employee = await EmployeeAsync();
        var plan = await PlanAsync("monthly", 1000.00m); // 800.00 a month for a silver employee; the cap is 500.00
        var subscription = await SubscribeAsync(employee, plan);

        foreach (var (month, day) in new[] { (1, 31), (2, 28), (3, 31), (4, 30) })
        {
            On(2027, month, 20);
            await BillAsync(2027, month, day);
        }

        var read = await ReadAsync(employee, subscription.Id);
        Assert.Equal([500m, 500m, 500m, 500m], read.Charges.Select(c => c.Collected));
        Assert.Equal([300m, 600m, 900m, 400m], read.Charges.Select(c => c.ArrearsOut));
        Assert.Equal([800m, 800m, 800m, 0m], read.Charges.Select(c => c.Amount)); // suspended after March: April only collects arrears
        Assert.Equal(("suspended", 400m), (read.Status, read.Arrears));
        Assert.Contains(read.Charges[0].Explanation, s => s.RuleId == "payroll-cap");
    }

    [Fact]
    public async Task A_price_change_waits_for_the_notice_for_subscribers_but_not_for_new_ones()
    {
        On(2027, 1, 5);
        var (early, late) = (await EmployeeAsync(), await EmployeeAsync());
        var plan = await PlanAsync("monthly", 30.00m, notice: 30);
        var first = await SubscribeAsync(early, plan);
        On(2027, 1, 20);
        var changed = await store.SendAsync(new UpdateServicePlanCommand(Catalog, plan, new ServicePlanInput("Plan " + plan, plan, "XYZ",
            "monthly", 40.00m, 3.00m, 0, 30, false, null, null, null, true, true, true)));
        Assert.Equal(new DateOnly(2027, 3, 1), changed.Plan.Prices[^1].ReachesSubscribersFrom);
        On(2027, 1, 21);
        var second = await SubscribeAsync(late, plan);

        foreach (var (month, day) in new[] { (1, 31), (2, 28), (3, 31) })
        {
            On(2027, month, 20);
            await BillAsync(2027, month, day);
        }

        Assert.Equal([20.13m, 24.00m, 32.00m], (await ReadAsync(early, first.Id)).Charges.Select(c => c.Amount));
        Assert.Equal([10.32m, 32.00m, 32.00m], (await ReadAsync(late, second.Id)).Charges.Select(c => c.Amount));
    }

    [Fact]
    public async Task Cancelling_at_once_credits_the_days_already_charged_in_the_next_pay()
    {
        On(2027, 1, 5);
        var employee = await EmployeeAsync();
        var plan = await PlanAsync("payPeriod", 15.00m, immediate: true);
        var subscription = await SubscribeAsync(employee, plan);
        On(2027, 1, 12);
        await BillAsync(2027, 1, 15); // Jan 6-15: 10.00, 8.00 for the employee

        var cancelled = await store.SendAsync(new CancelSubscriptionCommand(As(employee), subscription.Id, AtPeriodEnd: false, "moving abroad"));
        Assert.Equal(("cancelled", new DateOnly(2027, 1, 12)), (cancelled.Status, cancelled.EndsOn!.Value));
        var credit = Assert.Single(cancelled.Charges, c => c.Kind == "credit");
        Assert.Equal((-2.40m, -2.40m, new DateOnly(2027, 1, 15)), (credit.Amount, credit.Collected, credit.PayDate)); // 3 of the 10 days
        var payroll = await store.SendAsync(new ListPayrollDeductionsQuery(Caller.System, new DateOnly(2027, 1, 15)));
        Assert.Equal(5.60m, payroll.Deductions.Where(d => d.EmployeeId == employee).Sum(d => d.Amount));

        On(2027, 1, 20);
        await BillAsync(2027, 1, 31);
        Assert.Equal(2, (await ReadAsync(employee, subscription.Id)).Charges.Count); // nothing after the end
    }

    [Fact]
    public async Task Enrolling_twice_or_concurrently_gives_one_subscription_and_the_same_key_replays()
    {
        On(2027, 1, 5);
        var employee = await EmployeeAsync();
        var plan = await PlanAsync("monthly", 20.00m);
        var key = Guid.NewGuid().ToString();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            try
            {
                return (await store.SendAsync(new SubscribeCommand(As(employee), i == 0 ? key : Guid.NewGuid().ToString(), plan))).Created
                    ? "created" : "replayed";
            }
            catch (ConflictException e)
            {
                return e.Code;
            }
        }));
        Assert.Equal(1, outcomes.Count(o => o == "created"));
        Assert.Equal(5, outcomes.Count(o => o == "already-subscribed"));
        var list = await store.SendAsync(new ListSubscriptionsQuery(As(employee), plan, null, null, 1, 20));
        Assert.Equal(1, list.TotalCount);
        if (outcomes[0] == "created")
            Assert.False((await store.SendAsync(new SubscribeCommand(As(employee), key, plan))).Created);
    }

    [Fact]
    public async Task Leaving_ends_subscriptions_at_the_final_pay_date_and_a_move_prices_the_next_period_under_the_new_company()
    {
        On(2027, 1, 5);
        var (leaver, mover) = (await EmployeeAsync(), await EmployeeAsync());
        var plan = await PlanAsync("monthly", 28.00m);
        var abcOnly = await PlanAsync("monthly", 10.00m, companies: ["ABC"]);
        var leaving = await SubscribeAsync(leaver, plan);
        var moving = await SubscribeAsync(mover, plan);
        var notOffered = await SubscribeAsync(mover, abcOnly);

        On(2027, 1, 20);
        var moved = await store.SendAsync(new MoveEmployeeCommand(GroupHr, mover, "XYZ", "CC-2000"));
        Assert.Equal("XYZ", moved.Company);
        var pending = await store.SendAsync(new GetSubscriptionQuery(As(mover, "XYZ"), moving.Id));
        Assert.Equal(("XYZ", new DateOnly(2027, 2, 1)), (pending.NextCompany!, pending.NextCompanyFrom!.Value));
        var ended = await store.SendAsync(new GetSubscriptionQuery(As(mover, "XYZ"), notOffered.Id));
        Assert.Equal(("ended", new DateOnly(2027, 1, 31)), (ended.Status, ended.EndsOn!.Value));

        await BillAsync(2027, 1, 31);
        On(2027, 2, 5);
        await store.SendAsync(new UpdateEmployeeCommand(GroupHr, leaver, new EmployeeInput("Sam " + leaver, $"{leaver.ToLowerInvariant()}@abc.example",
            "CC-1000", 5, "terminated", new DateOnly(2015, 1, 5), new DateOnly(2027, 2, 10))));
        var left = await ReadAsync(leaver, leaving.Id);
        Assert.Equal(("ended", new DateOnly(2027, 2, 15)), (left.Status, left.EndsOn!.Value));

        foreach (var (month, day) in new[] { (2, 28), (3, 31) })
        {
            On(2027, month, 20);
            await BillAsync(2027, month, day);
        }

        var leaverCharges = (await store.SendAsync(new GetSubscriptionQuery(GroupHr, leaving.Id))).Charges;
        Assert.Equal([new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28)], leaverCharges.Select(c => c.PayDate));
        Assert.Equal((new DateOnly(2027, 2, 15), 15.00m, 12.00m), (leaverCharges[1].CoverageTo!.Value, leaverCharges[1].ExternalAmount, leaverCharges[1].Amount));
        var moverCharges = (await store.SendAsync(new GetSubscriptionQuery(GroupHr, moving.Id))).Charges;
        Assert.Equal(["ABC", "XYZ", "XYZ"], moverCharges.Select(c => c.Company));
        Assert.Equal("XYZ", (await store.SendAsync(new GetSubscriptionQuery(GroupHr, moving.Id))).Company);
        Assert.Single((await store.SendAsync(new GetSubscriptionQuery(GroupHr, notOffered.Id))).Charges);
    }
}
