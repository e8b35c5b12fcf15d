namespace InternalStore.Domain.Ordering;

public enum BuyerKind
{
    Employee,
    Department,
    Affiliate,
}
