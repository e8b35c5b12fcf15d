namespace InternalStore.Domain.Support;

public enum CasePriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>What a case is about; it decides which team of the requester's company answers it.</summary>
public enum CaseCategory
{
    Order,
    RefundOrReturn,
    PayrollDeduction,
    AllowanceOrEligibility,
    PolicyQuestion,
    ChargebackOrInvoiceLine,
    Subscription,
    NegotiatedPrice,
}

/// <summary>The teams that answer cases: store operations (catalog staff), HR and finance of a company.</summary>
public enum SupportTeam
{
    StoreOperations,
    Hr,
    Finance,
}

/// <summary>
/// First-response and resolution targets in business hours per priority, and the team of each category:
/// goods and their returns to store operations, a person's terms (allowance, policy, subscriptions) to HR,
/// money owed (deductions, chargebacks, invoices, negotiated prices) to finance.
/// </summary>
public static class ServiceTargets
{
    public static (TimeSpan FirstResponse, TimeSpan Resolution) For(CasePriority priority) => priority switch
    {
        CasePriority.Urgent => (TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
        CasePriority.High => (TimeSpan.FromHours(4), TimeSpan.FromHours(16)),
        CasePriority.Normal => (TimeSpan.FromHours(8), TimeSpan.FromHours(40)),
        _ => (TimeSpan.FromHours(24), TimeSpan.FromHours(80)),
    };

    public static SupportTeam TeamFor(CaseCategory category) => category switch
    {
        CaseCategory.Order or CaseCategory.RefundOrReturn => SupportTeam.StoreOperations,
        CaseCategory.AllowanceOrEligibility or CaseCategory.PolicyQuestion or CaseCategory.Subscription => SupportTeam.Hr,
        _ => SupportTeam.Finance,
    };

    /// <summary>A solved case closes by itself after this long without a reply.</summary>
    public static readonly TimeSpan ClosesAfterSolved = TimeSpan.FromDays(7);
}
