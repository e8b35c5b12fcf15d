namespace InternalStore.Application.Checkout;

/// <summary>The <c>Payroll</c> configuration section: how payroll deduction works.</summary>
public sealed class PayrollOptions
{
    public const string Section = "Payroll";

    /// <summary>The most pay periods one order may be spread over.</summary>
    public int MaxInstallments { get; set; } = 6;

    /// <summary>1 = monthly (last day), 2 = semi-monthly (15th and last day).</summary>
    public int PeriodsPerMonth { get; set; } = 2;

    /// <summary>The most that all of an employee's orders may deduct from one pay period.</summary>
    public decimal MaxPerPeriod { get; set; } = 500m;
}

/// <summary>The <c>Invoices</c> configuration section.</summary>
public sealed class InvoiceOptions
{
    public const string Section = "Invoices";

    /// <summary>Days from issue to due date of an intercompany invoice.</summary>
    public int PaymentTermDays { get; set; } = 30;
}
