using InternalStore.Domain.Common;
using InternalStore.Pricing;

namespace InternalStore.Domain.Catalog;

/// <summary>A sellable item. Prices are in <see cref="Currency"/>; stock never goes below zero.</summary>
public sealed class Product
{
    public const int MaxSkuLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxCategoryLength = 50;

    private Product()
    {
        Sku = Name = Description = Category = Currency = string.Empty;
    }

    public string Sku { get; private set; }
    public string Name { get; private set; }
    public string Description { get; private set; }
    public string Category { get; private set; }
    public decimal ListPrice { get; private set; }
    public decimal UnitCost { get; private set; }
    public string Currency { get; private set; }
    public bool EmployeeDiscount { get; private set; }
    public bool Active { get; private set; }
    public int StockOnHand { get; private set; }

    /// <summary>Set when the category's default (services are services, the rest goods) is wrong for this item.</summary>
    public Benefits.SupplyKind? SupplyKindOverride { get; private set; }

    public Benefits.SupplyKind SupplyKind => SupplyKindOverride ?? DefaultSupplyKind(Category);

    public const string ServicesCategory = "services";

    public static Benefits.SupplyKind DefaultSupplyKind(string category) =>
        string.Equals(category, ServicesCategory, StringComparison.OrdinalIgnoreCase)
            ? Benefits.SupplyKind.Service
            : Benefits.SupplyKind.Goods;

    /// <summary>Optimistic concurrency token: bumped by every change.</summary>
    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static Product Create(string sku, ProductDetails details, int initialStock, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(sku) || sku.Length > MaxSkuLength)
            throw new ArgumentException("A SKU is 1 to 40 characters.", nameof(sku));
        if (initialStock < 0)
            throw new ArgumentOutOfRangeException(nameof(initialStock), "Initial stock cannot be negative.");

        var product = new Product { Sku = sku, StockOnHand = initialStock, CreatedAt = now };
        product.Apply(details, now);
        return product;
    }

    public void Update(ProductDetails details, DateTimeOffset now)
    {
        if (details.Currency != Currency)
            throw new ConflictException("invalid-state",
                $"The currency of {Sku} is {Currency}; it cannot be changed once the product exists.");
        Apply(details, now);
    }

    /// <summary>Moves stock by <paramref name="delta"/> and returns the record of the move.</summary>
    public StockAdjustment AdjustStock(int delta, string reason, string adjustedBy, DateTimeOffset now,
        string? idempotencyKey = null)
    {
        if (delta == 0)
            throw new ArgumentOutOfRangeException(nameof(delta), "A stock adjustment moves at least one unit.");
        if ((long)StockOnHand + delta < 0)
            throw new ConflictException("insufficient-stock",
                $"{Sku} has {StockOnHand} in stock; it cannot be reduced by {-delta}.");

        StockOnHand += delta;
        Touch(now);
        return new StockAdjustment(Sku, delta, StockOnHand, reason, adjustedBy, now, idempotencyKey);
    }

    /// <summary>Throws unless <paramref name="quantity"/> units can be reserved now (sold, and in stock).</summary>
    public void EnsureReservable(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (!Active)
            throw new ConflictException("invalid-state", $"{Sku} is no longer sold.");
        if (StockOnHand < quantity)
            throw new ConflictException("insufficient-stock",
                StockOnHand == 0 ? $"{Sku} is out of stock." : $"Only {StockOnHand} of {Sku} left; {quantity} asked.");
    }

    /// <summary>Takes units out of stock for an order awaiting payment.</summary>
    public void Reserve(int quantity, DateTimeOffset now)
    {
        EnsureReservable(quantity);
        StockOnHand -= quantity;
        Touch(now);
    }

    /// <summary>Puts back units an order had reserved.</summary>
    public void Release(int quantity, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        StockOnHand += quantity;
        Touch(now);
    }

    /// <summary>The editable facts as they are now (a missing description reads as empty).</summary>
    public ProductDetails Details => new(Name, Description, Category, ListPrice, UnitCost, Currency, EmployeeDiscount, Active,
        SupplyKindOverride);

    /// <summary>Whether <paramref name="details"/> would change nothing: a create sent again replays.</summary>
    public bool Has(ProductDetails details) => Details == details with { Description = details.Description ?? string.Empty };

    private void Apply(ProductDetails details, DateTimeOffset now)
    {
        if (!Currencies.IsSupported(details.Currency))
            throw new ArgumentException($"Unsupported currency '{details.Currency}'.", nameof(details));
        if (details.ListPrice < 0 || details.UnitCost < 0)
            throw new ArgumentOutOfRangeException(nameof(details), "Prices cannot be negative.");

        Name = details.Name;
        Description = details.Description ?? string.Empty;
        Category = details.Category;
        ListPrice = details.ListPrice;
        UnitCost = details.UnitCost;
        Currency = details.Currency;
        EmployeeDiscount = details.EmployeeDiscount;
        Active = details.Active;
        SupplyKindOverride = details.SupplyKind;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>The editable facts of a product.</summary>
public sealed record ProductDetails(
    string Name,
    string? Description,
    string Category,
    decimal ListPrice,
    decimal UnitCost,
    string Currency,
    bool EmployeeDiscount,
    bool Active,
    Benefits.SupplyKind? SupplyKind = null);
