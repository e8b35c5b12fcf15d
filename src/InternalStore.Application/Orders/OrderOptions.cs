namespace InternalStore.Application.Orders;

/// <summary>The <c>Orders</c> configuration section.</summary>
public sealed class OrderOptions
{
    public const string Section = "Orders";

    /// <summary>How long an unpaid order holds its stock and allowance.</summary>
    public int HoldMinutes { get; set; } = 30;

    /// <summary>How often the expiry worker looks for unpaid orders past their hold.</summary>
    public int ExpirySweepSeconds { get; set; } = 30;

    /// <summary>How long after payment a buyer may ask for a refund themselves (finance always may).</summary>
    public int RefundWindowDays { get; set; } = 30;
}
