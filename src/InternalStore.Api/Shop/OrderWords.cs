namespace InternalStore.Api.Shop;

/// <summary>An order's status and a deduction's state as a buyer reads them.</summary>
public static class OrderWords
{
    public static string Status(string status) => status switch
    {
        "awaitingPayment" => "Awaiting payment",
        "paid" => "Paid",
        "fulfilled" => "Sent",
        "cancelled" => "Cancelled",
        "expired" => "Expired (not paid in time)",
        "partiallyRefunded" => "Partly refunded",
        "refunded" => "Refunded",
        _ => status,
    };

    /// <summary>A scheduled deduction whose pay date has come is taken; a cancelled one was undone by a refund.</summary>
    public static string Deduction(string status, DateOnly period, decimal amount, DateOnly today) => status switch
    {
        "cancelled" => "Cancelled by a refund",
        _ when amount < 0 => period <= today ? "Credited" : "To be credited",
        _ => period <= today ? "Deducted" : "To be deducted",
    };
}
