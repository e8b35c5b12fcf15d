using System.Globalization;
using CsvHelper;

namespace InternalStore.Application.Finance;

/// <summary>The finance exports as CSV (RFC 4180 via CsvHelper), shared by the API and the CLI.</summary>
public static class FinanceCsv
{
    public static string PayrollDeductions(PayrollDeductionsDto deductions) => Write(
        ["employee", "name", "period", "amount", "currency", "order", "schedule"],
        deductions.Deductions.Select(d => new object[]
        {
            d.EmployeeId, Text(d.EmployeeName), d.Period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Amount,
            deductions.Currency, d.OrderId, d.ScheduleId,
        }));

    public static string Chargebacks(ChargebackStatementDto statement) => Write(
        ["month", "cost_center", "cost_center_name", "buyer_company", "seller_company", "order", "kind", "amount", "cost",
            "markup", "currency", "posted_at"],
        statement.CostCenters.SelectMany(c => c.Entries.Select(e => new object[]
        {
            statement.Month, c.CostCenter, Text(c.Name), c.Company, e.SellerCompany, e.OrderId, e.Kind, e.Amount, e.Cost,
            e.Markup, statement.Currency, e.PostedAt.ToString("O", CultureInfo.InvariantCulture),
        })));

    public static string TaxableBenefits(Benefits.TaxableBenefitsDto benefits) => Write(
        ["employee", "name", "period", "taxable_excess", "discount", "qualified_limit", "currency", "orders"],
        benefits.Employees.Select(e => new object[]
        {
            e.EmployeeId, Text(e.EmployeeName), e.Period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.TaxableExcess,
            e.Discount, e.QualifiedLimit, benefits.Currency, string.Join(' ', e.Orders),
        }));

    /// <summary>Free text that a spreadsheet would run as a formula is written with a leading apostrophe.</summary>
    private static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Write(string[] header, IEnumerable<object[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var name in header)
                csv.WriteField(name);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row)
                    csv.WriteField(field);
                csv.NextRecord();
            }
        }

        return text.ToString();
    }
}
