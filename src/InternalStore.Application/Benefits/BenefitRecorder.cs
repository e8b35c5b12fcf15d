using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Benefits;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Benefits;

/// <summary>
/// Books the fringe benefit of an employee's order when it is paid, line by line under the rule in
/// force, in the pay period whose payroll reports it; a refund books the reversal of its share.
/// </summary>
public sealed class BenefitRecorder(IStoreDb db, IBenefitTaxRule rule, GrossProfitRates rates,
    IOptions<PayrollOptions> payroll)
{
    private readonly PayrollCalendar _calendar = new(payroll.Value.PeriodsPerMonth);
    private readonly Dictionary<string, SupplyKind?> _linesOfBusiness = new(StringComparer.Ordinal);

    public IBenefitTaxRule Rule => rule;

    public async Task<BenefitAssessment> AssessAsync(string employeeCompany, SupplyKind kind, decimal externalUnitPrice,
        decimal employeeUnitPrice, int quantity, int year, string currency, CancellationToken ct)
    {
        if (!_linesOfBusiness.TryGetValue(employeeCompany, out var lineOfBusiness))
            _linesOfBusiness[employeeCompany] = lineOfBusiness = await db.Companies.AsNoTracking()
                .Where(c => c.Code == employeeCompany).Select(c => c.LineOfBusiness).FirstOrDefaultAsync(ct);
        var sameLine = lineOfBusiness is null || lineOfBusiness == kind;
        var gpp = rule is UsQualifiedEmployeeDiscountRule && sameLine && kind == SupplyKind.Goods
            ? (await rates.ForAsync(employeeCompany, kind, year, ct)).Percent
            : 0m;
        return rule.Assess(new BenefitLine(kind, sameLine, externalUnitPrice, employeeUnitPrice, quantity, gpp, currency));
    }

    public async Task RecordPaymentAsync(Order order, DateTimeOffset paidAt, CancellationToken ct)
    {
        if (order.BuyerKind != BuyerKind.Employee)
            return;
        var period = _calendar.PayDateOnOrAfter(DateOnly.FromDateTime(paidAt.UtcDateTime));
        foreach (var line in order.Lines)
        {
            var assessment = await AssessAsync(order.Company, line.SupplyKind, line.ExternalUnitPrice, line.UnitPrice,
                line.Quantity, paidAt.UtcDateTime.Year, order.Currency, ct);
            db.BenefitEntries.Add(new BenefitEntry(order.BuyerId, order.Id, line.Sku, period, line.Quantity, assessment,
                rule.Name, order.Currency, paidAt));
        }
    }

    /// <summary>Reverses the refunded units' share; the last units of a line take exactly what is left.</summary>
    public async Task RecordRefundAsync(Order order, IEnumerable<RefundLine> refunded, DateTimeOffset at, CancellationToken ct)
    {
        if (order.BuyerKind != BuyerKind.Employee)
            return;
        var period = _calendar.PayDateOnOrAfter(DateOnly.FromDateTime(at.UtcDateTime));
        var booked = await db.BenefitEntries.AsNoTracking().Where(e => e.OrderId == order.Id).ToListAsync(ct);
        foreach (var refund in refunded)
        {
            var entries = booked.Where(e => e.Sku == refund.Sku).ToList();
            var purchase = entries.FirstOrDefault(e => e.Quantity > 0);
            if (purchase is null)
                continue;
            var line = order.Lines.First(l => l.Sku == refund.Sku);
            var reversal = line.RefundableQuantity == 0
                ? new BenefitAssessment(-entries.Sum(e => e.Discount), -entries.Sum(e => e.QualifiedLimit),
                    -entries.Sum(e => e.TaxableExcess))
                : new BenefitAssessment(-Share(purchase.Discount), -Share(purchase.QualifiedLimit), -Share(purchase.TaxableExcess));
            db.BenefitEntries.Add(new BenefitEntry(order.BuyerId, order.Id, refund.Sku, period, -refund.Quantity, reversal,
                purchase.Rule, order.Currency, at));

            decimal Share(decimal amount) =>
                InternalStore.Pricing.Currencies.Round(amount * refund.Quantity / purchase.Quantity, order.Currency);
        }
    }
}
