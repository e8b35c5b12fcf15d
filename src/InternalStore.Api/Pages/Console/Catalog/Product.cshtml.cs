using System.Globalization;
using InternalStore.Api.Console;
using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Catalog;

/// <summary>One product: edit its facts, adjust its stock (recorded, idempotent per form), see recent adjustments.</summary>
public sealed class ProductModel(ISender sender) : ConsolePageModel(sender)
{
    public ProductDto Product { get; private set; } = null!;
    public Page<StockAdjustmentDto> Adjustments { get; private set; } = null!;

    [BindProperty]
    public ProductForm Form { get; set; } = new();

    [BindProperty]
    public StockForm Stock { get; set; } = new();

    public sealed class ProductForm
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Category { get; set; }
        public string? ListPrice { get; set; }
        public string? UnitCost { get; set; }
        public string? Currency { get; set; }
        public bool EmployeeDiscount { get; set; }
        public bool Active { get; set; }
        public string? SupplyKind { get; set; }
    }

    public sealed class StockForm
    {
        public string? Delta { get; set; }
        public string? Reason { get; set; }

        /// <summary>One key per rendered form: submitting it twice adjusts once.</summary>
        public string Key { get; set; } = Guid.NewGuid().ToString("N");
    }

    public async Task OnGetAsync(string sku)
    {
        await LoadAsync(sku);
        Form = new ProductForm
        {
            Name = Product.Name, Description = Product.Description, Category = Product.Category,
            ListPrice = Product.ListPrice.ToString(CultureInfo.InvariantCulture), UnitCost = Product.UnitCost?.ToString(CultureInfo.InvariantCulture),
            Currency = Product.Currency, EmployeeDiscount = Product.EmployeeDiscount, Active = Product.Active, SupplyKind = Product.SupplyKind,
        };
    }

    public async Task<IActionResult> OnPostSaveAsync(string sku)
    {
        ModelState.Clear();
        var listPrice = Parse(Form.ListPrice, "listPrice");
        var unitCost = Parse(Form.UnitCost, "unitCost");
        if (ModelState.IsValid && await TrySendAsync(new UpdateProductCommand(Caller, sku, new ProductInput(Form.Name, Form.Description,
                Form.Category, listPrice, unitCost, Form.Currency, Form.EmployeeDiscount, Form.Active, Form.SupplyKind))) is not null)
        {
            Notice = "Product saved.";
            return RedirectToPage(new { sku });
        }

        await LoadAsync(sku);
        return Page();
    }

    public async Task<IActionResult> OnPostStockAsync(string sku)
    {
        ModelState.Clear();
        int? delta = InternalStore.Pricing.InvariantNumbers.TryParseInt(Stock.Delta, out var d) ? d : null;
        if (delta is null)
            ModelState.AddModelError("delta", "Give a whole number of units, e.g. 10 or -3.");
        var result = ModelState.IsValid ? await TrySendAsync(new AdjustStockCommand(Caller, sku, delta, Stock.Reason, $"console:{Stock.Key}")) : null;
        if (result is not null)
        {
            Notice = result.Replayed
                ? "That adjustment was already recorded."
                : $"Stock adjusted by {result.Adjustment.Delta:+0;-0}; now {result.Adjustment.StockAfter}.";
            return RedirectToPage(new { sku });
        }

        await OnGetAsync(sku);
        return Page();
    }

    private decimal? Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (InternalStore.Pricing.InvariantNumbers.TryParseDecimal(text, out var value))
            return value;
        ModelState.AddModelError(field, $"'{text}' is not an amount.");
        return null;
    }

    private async Task LoadAsync(string sku)
    {
        Product = await Sender.Send(new GetProductQuery(Caller, sku), HttpContext.RequestAborted);
        Adjustments = await Sender.Send(new ListStockAdjustmentsQuery(Caller, sku, 1, 10), HttpContext.RequestAborted);
    }
}
