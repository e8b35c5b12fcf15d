using InternalStore.Api.Console;
using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Api.Pages.Console.Catalog;

/// <summary>The catalog with price, cost and stock, searchable and by category.</summary>
public sealed class ProductsModel(ISender sender) : ConsolePageModel(sender)
{
    public const int PageSize = 50;

    public string? Q { get; private set; }
    public string? Category { get; private set; }
    public Page<ProductDto>? Products { get; private set; }

    public async Task OnGetAsync(string? q, string? category, int? p)
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Category = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        Products = await TryQueryAsync(new ListProductsQuery(Caller, Category, Q, Math.Max(1, p ?? 1), PageSize));
    }
}
