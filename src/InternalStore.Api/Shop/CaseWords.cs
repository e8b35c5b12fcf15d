namespace InternalStore.Api.Shop;

/// <summary>How the shop and the console word a case's category, state and team, and a notification's email state.</summary>
public static class CaseWords
{
    public static readonly IReadOnlyList<(string Value, string Words)> Categories =
    [
        ("order", "An order (missing, late, wrong)"),
        ("refundOrReturn", "A refund or a return"),
        ("payrollDeduction", "A payroll deduction"),
        ("allowanceOrEligibility", "My allowance or eligibility"),
        ("policyQuestion", "A question about the discount policy"),
        ("chargebackOrInvoiceLine", "A chargeback or invoice line"),
        ("subscription", "A subscription"),
        ("negotiatedPrice", "A negotiated price"),
    ];

    public static string Category(string value) => Categories.FirstOrDefault(c => c.Value == value).Words ?? value;

    public static string State(string value) => value switch
    {
        "new" => "new, waiting for a first answer",
        "open" => "open, being worked on",
        "pending" => "waiting for your reply",
        "onHold" => "on hold, waiting inside the company",
        "solved" => "solved",
        "closed" => "closed",
        _ => value,
    };

    public static string Team(string value) => value switch
    {
        "storeOperations" => "Store operations",
        "hr" => "HR",
        "finance" => "Finance",
        _ => value,
    };

    public static string Email(string value) => value switch
    {
        "sent" => "sent",
        "queued" => "waiting to be sent",
        "noAddress" => "not mailed (no address in the roster)",
        _ => value,
    };
}
