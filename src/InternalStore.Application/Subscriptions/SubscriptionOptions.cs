namespace InternalStore.Application.Subscriptions;

public sealed class SubscriptionOptions
{
    public const string Section = "Subscriptions";

    /// <summary>How often the billing worker looks for a pay date to bill (0 turns it off).</summary>
    public int BillingIntervalMinutes { get; set; } = 60;
}
