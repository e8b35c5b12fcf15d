using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;

namespace InternalStore.Core.Tests.InternalServices;

/// <summary>The rules of rate cards, usage pricing, corrections, months and disputes, in the domain types alone.</summary>
public sealed class InternalServiceRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 5, 9, 0, 0, TimeSpan.Zero);

    private static InternalService Support() => InternalService.Create("IT-SUPPORT-H", new InternalServiceTerms("IT support", "hour", null, true),
        "CC-4100", "ABC", "USD", 82.00m, new DateOnly(2026, 9, 1), "S4100", Now);

    private static UsageEntry Usage(InternalService service, decimal quantity, string consumer = "CC-5100", string company = "ABC") =>
        UsageEntry.Record(service, consumer, company, quantity, new DateOnly(2026, 10, 14), "T-1", null, "S4100", "k", "h", Now);

    [Fact]
    public void A_rate_card_is_history_a_consumer_rate_wins_and_the_latest_rate_by_its_day_applies()
    {
        var service = Support();
        Assert.True(service.AddRate(78.00m, new DateOnly(2026, 9, 1), "CC-5200", "S4100", Now));
        Assert.True(service.AddRate(85.00m, new DateOnly(2026, 11, 1), null, "S4100", Now));

        Assert.Null(service.RateFor("CC-5100", new DateOnly(2026, 8, 31)));
        Assert.Equal(82.00m, service.RateFor("CC-5100", new DateOnly(2026, 10, 31))!.UnitRate);
        Assert.Equal(85.00m, service.RateFor("CC-5100", new DateOnly(2026, 11, 1))!.UnitRate);
        Assert.Equal(78.00m, service.RateFor("CC-5200", new DateOnly(2026, 11, 30))!.UnitRate); // its own rate, though the general one rose
        Assert.Equal("no-rate", Assert.Throws<ConflictException>(() => service.RequireRateFor("CC-5100", new DateOnly(2026, 1, 1))).Code);
    }

    [Fact]
    public void The_same_rate_again_is_a_replay_and_another_rate_for_the_same_day_is_refused()
    {
        var service = Support();
        Assert.False(service.AddRate(82.00m, new DateOnly(2026, 9, 1), null, "S4100", Now));
        Assert.Equal("rate-exists", Assert.Throws<ConflictException>(() => service.AddRate(90m, new DateOnly(2026, 9, 1), null, "S4100", Now)).Code);
        Assert.Single(service.Rates);
    }

    [Theory]
    [InlineData(1.5, 0, 123.00, 123.00)] // inside a company: at the rate
    [InlineData(0.25, 0, 20.50, 20.50)]
    [InlineData(1.5, 8, 132.84, 123.00)] // across: the rate plus the intercompany markup, rounded once
    [InlineData(0.333, 8, 29.49, 27.31)] // 0.333 x 82 x 1.08 = 29.490..., cost 27.306 -> 27.31
    [InlineData(0.1875, 8, 16.61, 15.38)] // 16.605 and 15.375: half up, not to even
    public void An_entry_is_priced_once_at_its_rate_and_markup_rounded_to_the_cent(double quantity, double markup, double amount, double cost)
    {
        var entry = Usage(Support(), (decimal)quantity);
        entry.Price(82.00m, (decimal)markup);
        entry.Price(99.00m, 0m); // priced once: a later rate does not reprice it

        Assert.Equal((decimal)amount, entry.Amount);
        Assert.Equal((decimal)cost, entry.Cost);
        Assert.Equal(82.00m * (1 + (decimal)markup / 100m), entry.UnitRate);
    }

    [Fact]
    public void A_reversal_takes_back_a_priced_entry_to_the_cent_and_only_once()
    {
        var entry = Usage(Support(), 0.333m, "CC-2000", "XYZ");
        entry.Price(82.00m, 8m);

        var reversal = entry.Reverse(new DateOnly(2026, 11, 2), "entered twice", "S4100", Now);

        Assert.Equal(0m, entry.Amount + reversal.Amount);
        Assert.Equal(0m, entry.Cost + reversal.Cost);
        Assert.Equal(0m, entry.Quantity + reversal.Quantity);
        Assert.Equal(UsageKind.Reversal, reversal.Kind);
        Assert.Equal(entry.Id, reversal.CorrectsId);
        Assert.Equal(reversal.Id, entry.ReversedById);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => entry.Reverse(new DateOnly(2026, 11, 2), "again", "S4100", Now)).Code);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => reversal.Reverse(new DateOnly(2026, 11, 2), "back", "S4100", Now)).Code);
    }

    [Fact]
    public void An_unpriced_entry_reverses_unpriced_and_both_price_to_nothing_together()
    {
        var entry = Usage(Support(), 2.5m);
        var reversal = entry.Reverse(entry.Date, "wrong centre", "S4100", Now);
        entry.Price(82m, 0m);
        reversal.Price(82m, 0m);

        Assert.Equal(0m, entry.Amount + reversal.Amount);
    }

    [Fact]
    public void An_adjustment_moves_the_amount_by_the_delta_and_the_cost_in_the_line_s_proportion()
    {
        var entry = Usage(Support(), 3m, "CC-2000", "XYZ");
        entry.Price(82.00m, 8m); // 265.68, cost 246.00
        var adjustment = entry.Adjust(-65.68m, new DateOnly(2026, 11, 3), Guid.NewGuid(), "two hours, not three", "S4100", Now);

        Assert.Equal(200.00m, entry.Amount + adjustment.Amount);
        Assert.Equal(-60.81m, adjustment.Cost); // -65.68 x 246 / 265.68 = -60.814...
        Assert.Equal(0m, adjustment.Quantity);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() =>
            Usage(Support(), 1m).Adjust(-1m, new DateOnly(2026, 11, 3), Guid.NewGuid(), "r", "S4100", Now)).Code);
    }

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2026-1", false)]
    [InlineData("2026-13", false)]
    [InlineData("2026-00", false)]
    [InlineData("26-11", false)]
    [InlineData("2026-11-01", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_month_is_written_yyyy_mm(string? text, bool valid) => Assert.Equal(valid, AccountingMonth.TryParse(text, out _));

    [Fact]
    public void A_month_knows_its_days_its_neighbours_and_when_it_can_close()
    {
        var november = AccountingMonth.Parse("2026-11");
        Assert.Equal(new DateOnly(2026, 11, 30), november.Last);
        Assert.Equal("2026-12", november.Next.ToString());
        Assert.Equal("2025-12", AccountingMonth.Parse("2026-01").Previous.ToString());
        Assert.True(november.Contains(new DateOnly(2026, 11, 30)) && !november.Contains(new DateOnly(2026, 12, 1)));

        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => AccountingPeriod.EnsureClosable(november, new DateOnly(2026, 11, 30))).Code);
        AccountingPeriod.EnsureClosable(november, new DateOnly(2026, 12, 1));
    }

    [Fact]
    public void A_closed_period_refuses_entries_and_a_second_close()
    {
        var period = new AccountingPeriod("ABC", AccountingMonth.Parse("2026-10"));
        period.EnsureOpen();
        period.Close(CostAllocationMode.Chargeback, 3, 3, 0, 300m, "F9001", Now);

        Assert.Equal("period-closed", Assert.Throws<ConflictException>(period.EnsureOpen).Code);
        Assert.Equal("period-closed", Assert.Throws<ConflictException>(() =>
            period.Close(CostAllocationMode.Showback, 0, 0, 0, 0m, "F9001", Now)).Code);
    }

    [Theory]
    [InlineData(290.00, 0.00, true)]
    [InlineData(290.00, 289.99, true)]
    [InlineData(290.00, 290.00, false)] // the same amount is not an adjustment: uphold it
    [InlineData(290.00, 300.00, false)] // a dispute never raises a charge
    [InlineData(290.00, -1.00, false)]
    [InlineData(-50.00, -10.00, true)] // a credit disputed toward nothing
    [InlineData(-50.00, -60.00, false)]
    public void A_dispute_lowers_a_line_toward_zero_and_is_answered_once(double amount, double adjusted, bool allowed)
    {
        var dispute = StatementDispute.Raise(StatementLineKind.Service, Guid.NewGuid(), "CC-1200", "ABC", "CC-1100", "ABC",
            AccountingMonth.Parse("2026-10"), (decimal)amount, "USD", "too many pallets", "D1200", Now);

        if (!allowed)
        {
            Assert.Equal("amount", Assert.Throws<DomainValidationException>(() => dispute.EnsureAdjustable((decimal)adjusted)).Field);
            return;
        }

        dispute.EnsureAdjustable((decimal)adjusted);
        dispute.Adjust((decimal)adjusted, Guid.NewGuid(), AccountingMonth.Parse("2026-11"), "counted again", "S1100", Now);
        Assert.Equal((decimal)adjusted - (decimal)amount, dispute.Delta);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => dispute.Uphold("no", "S1100", Now)).Code);
    }
}
