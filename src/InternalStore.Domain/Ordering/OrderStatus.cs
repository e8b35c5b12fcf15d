namespace InternalStore.Domain.Ordering;

public enum OrderStatus
{
    AwaitingPayment,
    Paid,
    Fulfilled,
    Cancelled,
    Expired,
    PartiallyRefunded,
    Refunded,
}
