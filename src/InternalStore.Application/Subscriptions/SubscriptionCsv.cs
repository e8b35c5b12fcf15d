using InternalStore.Application.Common;

namespace InternalStore.Application.Subscriptions;

/// <summary>A pay date's subscription charges as CSV (API, console and CLI alike).</summary>
public static class SubscriptionCsv
{
    public static string Charges(SubscriptionChargesDto charges) => SafeCsv.Write(
        ["pay_date", "plan", "sku", "employee", "name", "kind", "coverage_from", "coverage_to", "company", "external", "amount",
            "allowance_taken", "arrears_in", "collected", "arrears_out", "currency", "subscription"],
        charges.Charges.Select(r => new object?[]
        {
            r.Charge.PayDate, r.Charge.Plan, r.Charge.Sku, r.EmployeeId, r.EmployeeName, r.Charge.Kind, r.Charge.CoverageFrom,
            r.Charge.CoverageTo, r.Charge.Company, r.Charge.ExternalAmount, r.Charge.Amount, r.Charge.AllowanceTaken,
            r.Charge.ArrearsIn, r.Charge.Collected, r.Charge.ArrearsOut, charges.Currency, r.Charge.SubscriptionId,
        }));
}
