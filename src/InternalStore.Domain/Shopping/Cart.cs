using InternalStore.Domain.Common;

namespace InternalStore.Domain.Shopping;

/// <summary>
/// A buyer's cart, kept by the store so that it follows the person (another device, a new session).
/// It holds SKUs and quantities only: prices are worked out whenever it is shown or ordered.
/// </summary>
public sealed class Cart
{
    public const int MaxLines = 500;
    public const int MaxQuantity = 10_000;

    private readonly List<CartItem> _items = [];

    private Cart()
    {
        Owner = string.Empty;
    }

    public Cart(string owner, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        Id = Guid.NewGuid();
        Owner = owner;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    /// <summary>The buyer's subject: one cart per person.</summary>
    public string Owner { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }
    public IReadOnlyList<CartItem> Items => _items;

    /// <summary>Sets a SKU's quantity (0 takes it out); a new SKU goes to the end, an existing one keeps its place.</summary>
    public void Set(string sku, int quantity, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        if (quantity is < 0 or > MaxQuantity)
            throw new DomainValidationException("invalid-quantity", "quantity", $"The quantity is a whole number from 0 (take it out) to {MaxQuantity}.");
        var item = _items.FirstOrDefault(i => i.Sku == sku);
        if (quantity == 0)
        {
            if (item is not null)
                _items.Remove(item);
        }
        else if (item is not null)
        {
            item.Quantity = quantity;
        }
        else
        {
            if (_items.Count >= MaxLines)
                throw new ConflictException("cart-full", $"A cart holds at most {MaxLines} lines.");
            _items.Add(new CartItem(Id, sku, quantity, _items.Count == 0 ? 0 : _items.Max(i => i.Position) + 1));
        }

        Touch(now);
    }

    /// <summary>Adds to a SKU's quantity, within <see cref="MaxQuantity"/>.</summary>
    public void Add(string sku, int quantity, DateTimeOffset now)
    {
        if (quantity < 1)
            throw new DomainValidationException("invalid-quantity", "quantity", "Add at least one.");
        var current = _items.FirstOrDefault(i => i.Sku == sku)?.Quantity ?? 0;
        Set(sku, (int)Math.Min((long)current + quantity, MaxQuantity), now);
    }

    public void Clear(DateTimeOffset now)
    {
        _items.Clear();
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

public sealed class CartItem
{
    private CartItem()
    {
        Sku = string.Empty;
    }

    internal CartItem(Guid cartId, string sku, int quantity, int position)
    {
        CartId = cartId;
        Sku = sku;
        Quantity = quantity;
        Position = position;
    }

    public Guid CartId { get; private set; }
    public string Sku { get; private set; }
    public int Quantity { get; internal set; }

    /// <summary>Lines are shown, quoted and ordered in the order they were first added.</summary>
    public int Position { get; private set; }
}
