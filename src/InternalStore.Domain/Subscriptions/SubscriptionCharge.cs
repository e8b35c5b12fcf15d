namespace InternalStore.Domain.Subscriptions;

public enum SubscriptionChargeKind
{
    /// <summary>A period's charge (or, with no days of service, the arrears it collects).</summary>
    Period,

    /// <summary>Days already charged for after an immediate cancellation, paid back in the next pay.</summary>
    Credit,
}

/// <summary>
/// One line a billing run wrote for a subscription and pay date: what the period cost the employee
/// (and would have cost an external customer), what the payroll cap let through, and what is carried.
/// One per subscription, pay date and kind (a unique index): billing twice, or from two processes, charges once.
/// </summary>
public sealed class SubscriptionCharge
{
    private SubscriptionCharge()
    {
        PlanId = Sku = EmployeeId = Company = Currency = Explanation = string.Empty;
    }

    public SubscriptionCharge(Subscription subscription, ServicePlan plan, SubscriptionChargeKind kind, DateOnly payDate,
        DateOnly? coverageFrom, DateOnly? coverageTo, string company, decimal externalAmount, decimal amount,
        decimal allowanceTaken, decimal arrearsIn, decimal collected, string explanation, DateTimeOffset billedAt)
    {
        SubscriptionId = subscription.Id;
        PlanId = plan.Id;
        Sku = plan.Sku;
        EmployeeId = subscription.EmployeeId;
        Company = company;
        Kind = kind;
        PayDate = payDate;
        CoverageFrom = coverageFrom;
        CoverageTo = coverageTo;
        ExternalAmount = externalAmount;
        Amount = amount;
        AllowanceTaken = allowanceTaken;
        ArrearsIn = arrearsIn;
        Collected = collected;
        ArrearsOut = arrearsIn + amount - collected;
        Currency = plan.Currency;
        Explanation = explanation;
        BilledAt = billedAt;
    }

    public long Id { get; private set; }
    public Guid SubscriptionId { get; private set; }
    public string PlanId { get; private set; }
    public string Sku { get; private set; }
    public string EmployeeId { get; private set; }

    /// <summary>Whose policy priced the period.</summary>
    public string Company { get; private set; }

    public SubscriptionChargeKind Kind { get; private set; }

    /// <summary>The pay date whose payroll deducts (or, for a credit, pays back) <see cref="Collected"/>.</summary>
    public DateOnly PayDate { get; private set; }

    public DateOnly? CoverageFrom { get; private set; }
    public DateOnly? CoverageTo { get; private set; }

    /// <summary>What an external customer pays for the days covered: the price the benefit is measured against.</summary>
    public decimal ExternalAmount { get; private set; }

    /// <summary>The employee's charge for the days covered (negative for a credit).</summary>
    public decimal Amount { get; private set; }

    public decimal AllowanceTaken { get; private set; }
    public decimal ArrearsIn { get; private set; }

    /// <summary>What payroll deducts on the pay date (negative: pays back).</summary>
    public decimal Collected { get; private set; }

    public decimal ArrearsOut { get; private set; }
    public string Currency { get; private set; }

    /// <summary>The price's explanation steps (JSON), like an order line's.</summary>
    public string Explanation { get; private set; }

    public DateTimeOffset BilledAt { get; private set; }
}
