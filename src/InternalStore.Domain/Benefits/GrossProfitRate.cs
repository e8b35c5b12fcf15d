namespace InternalStore.Domain.Benefits;

/// <summary>
/// A gross profit percentage finance set for a company, line of business and year. Rows are never
/// changed: a new setting is a new row, so the table is its own audit trail and the newest row is in force.
/// </summary>
public sealed class GrossProfitRate
{
    private GrossProfitRate()
    {
        CompanyCode = SetBy = Reason = string.Empty;
    }

    public GrossProfitRate(string companyCode, SupplyKind lineOfBusiness, int year, decimal percent, string setBy,
        string reason, DateTimeOffset setAt)
    {
        if (percent is < 0m or > 100m)
            throw new ArgumentOutOfRangeException(nameof(percent), "A gross profit percentage is between 0 and 100.");
        CompanyCode = companyCode;
        LineOfBusiness = lineOfBusiness;
        Year = year;
        Percent = percent;
        SetBy = setBy;
        Reason = reason;
        SetAt = setAt;
    }

    public long Id { get; private set; }
    public string CompanyCode { get; private set; }
    public SupplyKind LineOfBusiness { get; private set; }
    public int Year { get; private set; }
    public decimal Percent { get; private set; }
    public string SetBy { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset SetAt { get; private set; }
}

/// <summary>
/// The benefit of one employee order line, or its reversal by a refund (negative amounts), or of one
/// period of a subscription, booked in the pay period whose payroll reports it.
/// </summary>
public sealed class BenefitEntry
{
    private BenefitEntry()
    {
        EmployeeId = Sku = Rule = Currency = string.Empty;
    }

    public BenefitEntry(string employeeId, Guid orderId, string sku, DateOnly period, int quantity,
        BenefitAssessment assessment, string rule, string currency, DateTimeOffset recordedAt)
    {
        EmployeeId = employeeId;
        OrderId = orderId;
        Sku = sku;
        Period = period;
        Quantity = quantity;
        Discount = assessment.Discount;
        QualifiedLimit = assessment.QualifiedLimit;
        TaxableExcess = assessment.TaxableExcess;
        Rule = rule;
        Currency = currency;
        RecordedAt = recordedAt;
    }

    /// <summary>A subscription's period (quantity 1; a credit reverses with -1).</summary>
    public static BenefitEntry ForSubscription(string employeeId, Guid subscriptionId, string sku, DateOnly period, int quantity,
        BenefitAssessment assessment, string rule, string currency, DateTimeOffset recordedAt) =>
        new(employeeId, Guid.Empty, sku, period, quantity, assessment, rule, currency, recordedAt) { SubscriptionId = subscriptionId };

    public long Id { get; private set; }
    public string EmployeeId { get; private set; }

    /// <summary>The order; <see cref="Guid.Empty"/> for a subscription's entry (the column predates subscriptions and stays not-null).</summary>
    public Guid OrderId { get; private set; }
    public Guid? SubscriptionId { get; private set; }
    public string Sku { get; private set; }
    public DateOnly Period { get; private set; }
    public int Quantity { get; private set; }
    public decimal Discount { get; private set; }
    public decimal QualifiedLimit { get; private set; }
    public decimal TaxableExcess { get; private set; }
    public string Rule { get; private set; }
    public string Currency { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
