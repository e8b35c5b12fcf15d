namespace InternalStore.Domain.Ordering;

/// <summary>
/// How an order is settled. Each value has its settlement method in the application
/// (<c>Checkout/Methods/</c>), which says which buyers it fits.
/// </summary>
public enum PaymentMethod
{
    Card,
    Payroll,
    Chargeback,
    Invoice,
}
