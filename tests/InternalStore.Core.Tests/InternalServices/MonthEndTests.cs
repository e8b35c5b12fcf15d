using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Application.Finance;
using InternalStore.Application.InternalServices;
using InternalStore.Application.Orders;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using InternalStore.Domain.People;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Core.Tests.InternalServices;

/// <summary>A clock a test sets to any day, earlier ones included (each test lives its own October).</summary>
public sealed class SettableClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => Now;
}

public sealed class SettableClockStore : CoreStore
{
    public SettableClock Clock { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// A month of internal services through the handlers, on a clock the test moves: usage entered in October,
/// goods bought in October, the close on 2 November, the statement, corrections and disputes after it.
/// Each test works in a company of its own below ABC, so one test's close does not lock another's month.
/// </summary>
public sealed class MonthEndTests(SettableClockStore store) : IClassFixture<SettableClockStore>
{
    private static readonly DateOnly October14 = new(2026, 10, 14);
    private static readonly decimal[] XyzQuantities = [1.5m, 0.333m];
    private static readonly Caller Finance = new("F9001", new HashSet<string> { Roles.Finance }, "ABC");

    private sealed record Unit(string Company, Caller It, Caller Packing, Caller Marketing, Caller Sales, Caller Dispatch, string Support,
        string Pallet);

    /// <summary>A subsidiary of ABC with IT and Packing supplying Marketing, Sales and Dispatch; IT's support hour at 82.50, Sales at 77.77.</summary>
    private async Task<Unit> CompanyAsync()
    {
        var code = "Q" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        string Cc(string part) => $"CC-{code}-{part}";
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
            db.Companies.Add(new Company(code, "Test company " + code, "ABC"));
            foreach (var part in new[] { "IT", "PK", "MK", "SA", "DS" })
                db.CostCenters.Add(new CostCenter(Cc(part), part + " of " + code, code));
            await db.SaveChangesAsync(CancellationToken.None);
        }

        Caller Person(string subject, string role, string cc) => new(subject, new HashSet<string> { role }, code, cc);
        var unit = new Unit(code, Person("S-" + code + "-IT", Roles.ServiceProvider, Cc("IT")), Person("S-" + code + "-PK", Roles.ServiceProvider, Cc("PK")),
            Person("D-" + code + "-MK", Roles.DepartmentBuyer, Cc("MK")), Person("D-" + code + "-SA", Roles.DepartmentBuyer, Cc("SA")),
            Person("D-" + code + "-DS", Roles.DepartmentBuyer, Cc("DS")), code + "-SUPPORT", code + "-PALLET");
        At(new DateOnly(2026, 9, 1));
        await store.SendAsync(new CreateInternalServiceCommand(unit.It, unit.Support, new InternalServiceInput("IT support", "hour", null, true),
            82.50m, new DateOnly(2026, 9, 1)));
        await store.SendAsync(new AddServiceRateCommand(unit.It, unit.Support, 77.77m, new DateOnly(2026, 9, 1), Cc("SA")));
        await store.SendAsync(new CreateInternalServiceCommand(unit.Packing, unit.Pallet, new InternalServiceInput("Pallet packed", "pallet", null, true),
            14.50m, new DateOnly(2026, 9, 1)));
        return unit;
    }

    private void At(DateOnly day) => store.Clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private Task<UsageResult> UseAsync(Caller provider, string service, Caller consumer, decimal quantity, DateOnly date, string? key = null) =>
        store.SendAsync(new RecordUsageCommand(provider, key ?? Guid.NewGuid().ToString(), service, consumer.CostCenter, quantity, date, "T-1", null));

    private Task<CostCentreStatementDto> StatementAsync(Caller who, Caller centre, string month) =>
        store.SendAsync(new GetCostCentreStatementQuery(who, centre.CostCenter!, month));

    private async Task<List<JournalEntry>> JournalsAsync(string costCenter)
    {
        await using var scope = store.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IStoreDb>().JournalEntries.AsNoTracking()
            .Where(e => e.CostCenter == costCenter).ToListAsync();
    }

    private async Task<decimal> BuyGoodsAsync(Caller department)
    {
        var placed = await store.SendAsync(new PlaceOrderCommand(department, Guid.NewGuid().ToString(), [new("TSH-01", 3), new("MUG-01", 1)], null));
        await store.SendAsync(new CheckoutOrderCommand(department, placed.Order.Id, Guid.NewGuid().ToString(), "chargeback", null, null));
        return placed.Order.Lines.Sum(l => l.LineTotal);
    }

    [Fact]
    public async Task A_closed_month_s_statement_is_its_goods_and_services_to_the_cent_and_closing_twice_closes_once()
    {
        var u = await CompanyAsync();
        At(new DateOnly(2026, 10, 20));
        var quantities = new[] { 1.5m, 0.333m, 2.25m, 0.125m, 7m };
        foreach (var (q, i) in quantities.Select((q, i) => (q, i)))
        {
            await UseAsync(u.It, u.Support, u.Marketing, q, October14.AddDays(i));
            await UseAsync(u.It, u.Support, u.Sales, q, October14.AddDays(i));
        }

        var wrong = await UseAsync(u.It, u.Support, u.Marketing, 4m, October14);
        await store.SendAsync(new ReverseUsageCommand(u.It, wrong.Entry.Id, "entered for the wrong centre"));
        var goods = await BuyGoodsAsync(u.Marketing);

        Assert.Equal("invalid-state", (await Assert.ThrowsAsync<ConflictException>(() =>
            store.SendAsync(new ClosePeriodCommand(Finance, "2026-10", u.Company)))).Code); // October is not over
        At(new DateOnly(2026, 11, 2));
        var closed = await store.SendAsync(new ClosePeriodCommand(Finance, "2026-10", u.Company));
        var again = await store.SendAsync(new ClosePeriodCommand(Finance, "2026-10", u.Company));

        Assert.Equal("closed", closed.Status);
        Assert.Equal(12, closed.EntriesPriced);
        Assert.Equal(12, closed.JournalEntries);
        Assert.True(again.AlreadyClosed);
        Assert.Equal(closed.ClosedAt, again.ClosedAt);
        Assert.Equal(7, (await JournalsAsync(u.Marketing.CostCenter!)).Count(e => e.Kind == JournalKind.ServiceCharge)); // the reversed pair too

        var marketing = await StatementAsync(u.Marketing, u.Marketing, "2026-10");
        var sales = await StatementAsync(Finance, u.Sales, "2026-10");
        // Each entry rounded once at its rate: Marketing at 82.50, Sales at its own 77.77.
        var marketingServices = quantities.Sum(q => Math.Round(q * 82.50m, 2, MidpointRounding.AwayFromZero));
        var salesServices = quantities.Sum(q => Math.Round(q * 77.77m, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(marketingServices, marketing.Services);
        Assert.Equal(goods, marketing.Goods);
        Assert.Equal(marketing.Goods + marketing.Services, marketing.Total);
        Assert.Equal(marketing.Lines.Where(l => l.Kind == "goods").Sum(l => l.Amount), marketing.Goods);
        Assert.Equal(marketing.Lines.Where(l => l.Kind == "service").Sum(l => l.Amount), marketing.Services);
        Assert.Equal(salesServices, sales.Total);
        Assert.Equal("closed", marketing.Status);
        Assert.All(marketing.Lines.Where(l => l.Kind == "service"), l => Assert.Equal("posted", l.Status));
        Assert.Null(marketing.Lines[0].Cost); // the department does not see cost; finance does
        Assert.All(sales.Lines, l => Assert.NotNull(l.Cost));

        // The posted journals are what the statement shows, on finance's chargeback statement as well.
        var posted = (await JournalsAsync(u.Marketing.CostCenter!)).Sum(e => e.Amount);
        Assert.Equal(marketing.Total, posted);
        var chargebacks = await store.SendAsync(new GetChargebackStatementQuery(Finance, "2026-10"));
        Assert.Equal(marketing.Total, chargebacks.CostCenters.Single(c => c.CostCenter == u.Marketing.CostCenter).Amount);
        Assert.Equal(sales.Total, chargebacks.CostCenters.Single(c => c.CostCenter == u.Sales.CostCenter).Amount);
    }

    [Fact]
    public async Task After_the_close_a_day_of_the_month_is_refused_and_corrections_land_in_the_next_open_month()
    {
        var u = await CompanyAsync();
        At(new DateOnly(2026, 10, 31));
        var entry = await UseAsync(u.Packing, u.Pallet, u.Dispatch, 20m, October14);
        At(new DateOnly(2026, 11, 2));
        await store.SendAsync(new ClosePeriodCommand(Finance, "2026-10", u.Company));

        var refused = await Assert.ThrowsAsync<ConflictException>(() => UseAsync(u.Packing, u.Pallet, u.Dispatch, 1m, new DateOnly(2026, 10, 31)));
        Assert.Equal("period-closed", refused.Code);
        var november = await UseAsync(u.Packing, u.Pallet, u.Dispatch, 1m, new DateOnly(2026, 11, 1));
        var reversal = await store.SendAsync(new ReverseUsageCommand(u.Packing, entry.Entry.Id, "counted twice"));

        Assert.Equal(new DateOnly(2026, 11, 1), reversal.Date);
        Assert.Equal(-290.00m, reversal.Amount); // at the price October charged, not today's
        Assert.True(reversal.Priced);
        var statement = await StatementAsync(u.Dispatch, u.Dispatch, "2026-11");
        Assert.Equal(14.50m - 290.00m, statement.Total);
        Assert.Equal("draft", statement.Status);
        Assert.Contains(statement.Lines, l => l.Id == reversal.Id && l.Corrects == entry.Entry.Id && l.Status == "pending");
        Assert.Equal(290.00m, (await StatementAsync(u.Dispatch, u.Dispatch, "2026-10")).Total); // October stands as closed
        Assert.Equal(november.Entry.Id, (await store.SendAsync(new ListUsageQuery(u.Packing, "2026-11", null, null))).Entries
            .Single(e => e.Kind == "usage").Id);
    }

    [Fact]
    public async Task Showback_shows_the_statement_and_posts_nothing()
    {
        var u = await CompanyAsync();
        await store.SendAsync(new SetCostAllocationCommand(Finance, u.Company, "showback"));
        At(new DateOnly(2026, 10, 31));
        await UseAsync(u.It, u.Support, u.Marketing, 3m, October14);
        await UseAsync(u.Packing, u.Pallet, u.Dispatch, 10m, October14);
        At(new DateOnly(2026, 11, 2));

        var closed = await store.SendAsync(new ClosePeriodCommand(Finance, "2026-10", u.Company));

        Assert.Equal("showback", closed.Mode);
        Assert.Equal(2, closed.EntriesPriced);
        Assert.Equal(0, closed.JournalEntries);
        Assert.Empty(await JournalsAsync(u.Marketing.CostCenter!));
        Assert.Empty(await JournalsAsync(u.Dispatch.CostCenter!));
        var statement = await StatementAsync(u.Marketing, u.Marketing, "2026-10");
        Assert.Equal(247.50m, statement.Total);
        Assert.Equal("showback", statement.Mode);
        Assert.All(statement.Lines, l => Assert.Equal("shown", l.Status));
    }

    [Fact]
    public async Task A_disputed_line_adjusted_by_its_supplier_lands_in_the_next_open_month_with_its_trail()
    {
        var u = await CompanyAsync();
        At(new DateOnly(2026, 10, 31));
        var entry = await UseAsync(u.Packing, u.Pallet, u.Dispatch, 20m, October14);
        var goods = await BuyGoodsAsync(u.Dispatch);
        var early = await Assert.ThrowsAsync<ConflictException>(() =>
            store.SendAsync(new DisputeStatementLineCommand(u.Dispatch, entry.Entry.Id, "too many")));
        Assert.Equal("invalid-state", early.Code); // a draft month is not disputed: its amounts are not final
        At(new DateOnly(2026, 11, 2));
        await store.SendAsync(new ClosePeriodCommand(Finance, "2026-10", u.Company));

        var dispute = await store.SendAsync(new DisputeStatementLineCommand(u.Dispatch, entry.Entry.Id, "we had 18 pallets"));
        var replay = await store.SendAsync(new DisputeStatementLineCommand(u.Dispatch, entry.Entry.Id, "we had 18 pallets"));
        Assert.True(dispute.Created);
        Assert.False(replay.Created);
        await Assert.ThrowsAsync<NotFoundException>(() => store.SendAsync(new DisputeStatementLineCommand(u.Marketing, entry.Entry.Id, "not ours")));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            store.SendAsync(new ResolveDisputeCommand(u.It, dispute.Dispute.Id, "upheld", null, "IT is not the supplier")));
        var tooHigh = await Assert.ThrowsAsync<DomainValidationException>(() =>
            store.SendAsync(new ResolveDisputeCommand(u.Packing, dispute.Dispute.Id, "adjusted", 300m, "more")));
        Assert.Equal("amount", tooHigh.Field);

        var adjusted = await store.SendAsync(new ResolveDisputeCommand(u.Packing, dispute.Dispute.Id, "adjusted", 261.00m, "recounted: 18"));

        Assert.Equal("adjusted", adjusted.Status);
        Assert.Equal(-29.00m, adjusted.Adjustment);
        Assert.Equal("2026-11", adjusted.AdjustmentMonth);
        var october = await StatementAsync(u.Dispatch, u.Dispatch, "2026-10");
        Assert.Equal(290.00m + goods, october.Total); // the closed month is not rewritten
        Assert.Equal("adjusted", october.Lines.Single(l => l.Id == entry.Entry.Id).Dispute!.Status);
        var november = await StatementAsync(u.Dispatch, u.Dispatch, "2026-11");
        var correction = Assert.Single(november.Lines);
        Assert.Equal(adjusted.AdjustmentEntry, correction.Id);
        Assert.Equal(entry.Entry.Id, correction.Corrects);
        Assert.Equal((-29.00m, "adjustment"), (correction.Amount, correction.Entry));
        Assert.Equal("invalid-state", (await Assert.ThrowsAsync<ConflictException>(() =>
            store.SendAsync(new ResolveDisputeCommand(u.Packing, dispute.Dispute.Id, "upheld", null, "changed my mind")))).Code);

        // A goods line is answered by finance, with a chargeback adjustment in the next month.
        var goodsLine = october.Lines.First(l => l.Kind == "goods");
        if (goodsLine.SupplierCompany != u.Company)
            await store.SendAsync(new ClosePeriodCommand(Finance, "2026-10", goodsLine.SupplierCompany));
        var goodsDispute = await store.SendAsync(new DisputeStatementLineCommand(u.Dispatch, goodsLine.Id, "one shirt was missing"));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            store.SendAsync(new ResolveDisputeCommand(u.Packing, goodsDispute.Dispute.Id, "upheld", null, "not mine")));
        var credited = await store.SendAsync(new ResolveDisputeCommand(Finance, goodsDispute.Dispute.Id, "adjusted", goodsLine.Amount - 10m, "credit"));
        Assert.Equal(-10m, credited.Adjustment);
        At(new DateOnly(2026, 12, 1));
        await store.SendAsync(new ClosePeriodCommand(Finance, "2026-11", u.Company));
        var closedNovember = await StatementAsync(u.Dispatch, u.Dispatch, "2026-11");
        Assert.Equal(-39.00m, closedNovember.Total);
        Assert.Equal(290.00m + goods - 39.00m, (await JournalsAsync(u.Dispatch.CostCenter!)).Sum(e => e.Amount));
    }

    [Fact]
    public async Task Another_group_company_s_usage_is_invoiced_at_the_intercompany_markup_not_charged_back()
    {
        var u = await CompanyAsync();
        var xyz = new Caller("D2000", new HashSet<string> { Roles.DepartmentBuyer }, "XYZ", "CC-2000");
        var markup = (await store.SendAsync(new Application.Finance.GetTransferPricingQuery(Finance))).IntercompanyMarkupPercent;
        At(new DateOnly(2026, 10, 31));
        await UseAsync(u.It, u.Support, xyz, 1.5m, October14);
        await UseAsync(u.It, u.Support, xyz, 0.333m, October14.AddDays(1));
        await UseAsync(u.It, u.Support, u.Marketing, 1m, October14);
        At(new DateOnly(2026, 11, 2));

        var closed = await store.SendAsync(new ClosePeriodCommand(Finance, "2026-10", u.Company));

        Assert.Equal(1, closed.Invoices);
        var invoice = (await store.SendAsync(new ListInvoicesQuery(Finance, null, 1, 100))).Items
            .Single(i => i.SellerCompany == u.Company && i.ServiceMonth == "2026-10");
        var expected = XyzQuantities.Sum(q => Math.Round(q * 82.50m * (1 + markup / 100m), 2, MidpointRounding.AwayFromZero));
        Assert.Equal("XYZ", invoice.BuyerCompany);
        Assert.Null(invoice.OrderId);
        Assert.Equal(expected, invoice.Total);
        Assert.Equal(2, invoice.Lines.Count);
        Assert.All(invoice.Lines, l => Assert.Equal(markup, l.MarkupPercent));
        Assert.Empty(await JournalsAsync("CC-2000-none"));
        var xyzStatement = await StatementAsync(xyz, xyz, "2026-10");
        Assert.Contains(xyzStatement.Lines, l => l.Supplier == u.It.CostCenter && l.Status == "invoiced");
        Assert.Equal(expected, xyzStatement.Lines.Where(l => l.Supplier == u.It.CostCenter).Sum(l => l.Amount));
    }

    [Fact]
    public async Task A_provider_records_only_its_own_centre_s_services_and_a_department_reads_only_its_own_statement()
    {
        var u = await CompanyAsync();
        At(new DateOnly(2026, 10, 31));

        // Packing's service is not IT's to see: to IT's provider it is an unknown service, as to anyone outside.
        Assert.Equal("unknown-service", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            UseAsync(u.It, u.Pallet, u.Dispatch, 1m, October14))).Code);
        var outsider = new Caller("S4100", new HashSet<string> { Roles.ServiceProvider }, "XYZ", "CC-2000");
        Assert.Equal("unknown-service", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            UseAsync(outsider, u.Pallet, u.Dispatch, 1m, October14))).Code);
        Assert.Equal("unknown-cost-centre", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            store.SendAsync(new RecordUsageCommand(u.Packing, "k", u.Pallet, "CC-NOPE", 1m, October14, null, null)))).Code);
        Assert.Equal("validation", (await Assert.ThrowsAsync<DomainValidationException>(() =>
            UseAsync(u.Packing, u.Pallet, u.Dispatch, 1m, new DateOnly(2026, 11, 1)))).Code); // tomorrow has not happened

        Assert.Empty((await store.SendAsync(new ListUsageQuery(u.Packing, "2026-10", null, null))).Entries);
        await StatementAsync(u.Dispatch, u.Dispatch, "2026-10");
        await Assert.ThrowsAsync<NotFoundException>(() => StatementAsync(u.Dispatch, u.Marketing, "2026-10"));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            StatementAsync(new Caller("F2001", new HashSet<string> { Roles.Finance }, "XYZ"), u.Marketing, "2026-10"));
    }

    [Fact]
    public async Task A_replayed_entry_is_one_entry_and_a_key_reused_for_another_is_refused()
    {
        var u = await CompanyAsync();
        At(new DateOnly(2026, 10, 31));
        var key = Guid.NewGuid().ToString();

        var first = await UseAsync(u.It, u.Support, u.Sales, 2m, October14, key);
        var replay = await UseAsync(u.It, u.Support, u.Sales, 2m, October14, key);

        Assert.True(first.Created);
        Assert.False(replay.Created);
        Assert.Equal(first.Entry, replay.Entry);
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => UseAsync(u.It, u.Support, u.Sales, 3m, October14, key));
        Assert.Single((await store.SendAsync(new ListUsageQuery(u.It, "2026-10", null, null))).Entries);
    }
}
