using InternalStore.Application.Common;

namespace InternalStore.Application.Finance;

/// <summary>The finance exports as CSV, shared by the API, the console and the CLI; written by <see cref="SafeCsv"/>.</summary>
public static class FinanceCsv
{
    public static string PayrollDeductions(PayrollDeductionsDto deductions) => SafeCsv.Write(
        ["employee", "name", "period", "amount", "currency", "order", "schedule", "type", "subscription"],
        deductions.Deductions.Select(d => new object?[]
        {
            d.EmployeeId, d.EmployeeName, d.Period, d.Amount, deductions.Currency, d.OrderId, d.ScheduleId, d.Type,
            d.SubscriptionId,
        }));

    public static string Chargebacks(ChargebackStatementDto statement) => SafeCsv.Write(
        ["month", "cost_center", "cost_center_name", "buyer_company", "seller_company", "order", "kind", "amount", "cost",
            "markup", "currency", "posted_at"],
        statement.CostCenters.SelectMany(c => c.Entries.Select(e => new object?[]
        {
            statement.Month, c.CostCenter, c.Name, c.Company, e.SellerCompany, e.OrderId, e.Kind, e.Amount, e.Cost,
            e.Markup, statement.Currency, e.PostedAt,
        })));

    public static string TaxableBenefits(Benefits.TaxableBenefitsDto benefits) => SafeCsv.Write(
        ["employee", "name", "period", "taxable_excess", "discount", "qualified_limit", "currency", "orders", "subscriptions"],
        benefits.Employees.Select(e => new object?[]
        {
            e.EmployeeId, e.EmployeeName, e.Period, e.TaxableExcess, e.Discount, e.QualifiedLimit, benefits.Currency,
            string.Join(' ', e.Orders), string.Join(' ', e.Subscriptions),
        }));
}
