using InternalStore.Api.Console;
using InternalStore.Application.Catalog;
using InternalStore.Pricing;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Catalog;

/// <summary>Creates one product: the same command as <c>POST /api/products</c> (sending the same form twice creates it once).</summary>
public sealed class NewProductModel(ISender sender) : ConsolePageModel(sender)
{
    [BindProperty]
    public NewProductForm Form { get; set; } = new();

    public sealed class NewProductForm
    {
        public string? Sku { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Category { get; set; }
        public string? ListPrice { get; set; }
        public string? UnitCost { get; set; }
        public string? Currency { get; set; } = ProductInput.DefaultCurrency;
        public bool EmployeeDiscount { get; set; } = true;
        public bool Active { get; set; } = true;
        public string? SupplyKind { get; set; }
        public string? Stock { get; set; } = "0";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var listPrice = Amount(Form.ListPrice, "listPrice");
        var unitCost = Amount(Form.UnitCost, "unitCost");
        int? stock = string.IsNullOrWhiteSpace(Form.Stock) ? 0 : InvariantNumbers.TryParseInt(Form.Stock, out var s) ? s : null;
        if (stock is null)
            ModelState.AddModelError("stockOnHand", "Give a whole number of units, e.g. 0 or 25.");
        var input = new ProductInput(Form.Name, Form.Description, Form.Category, listPrice, unitCost,
            string.IsNullOrWhiteSpace(Form.Currency) ? null : Form.Currency.Trim().ToUpperInvariant(), Form.EmployeeDiscount, Form.Active,
            string.IsNullOrEmpty(Form.SupplyKind) ? null : Form.SupplyKind);
        var sku = Form.Sku?.Trim();
        var result = ModelState.IsValid ? await TrySendAsync(new CreateProductCommand(Caller, sku, input, stock)) : null;
        if (result is null)
            return Page();
        Notice = result.Created ? $"{result.Product.Sku} created." : $"{result.Product.Sku} already exists with these details.";
        return RedirectToPage("Product", new { sku = result.Product.Sku });
    }

    private decimal? Amount(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (InvariantNumbers.TryParseDecimal(text, out var value))
            return value;
        ModelState.AddModelError(field, $"'{text}' is not an amount like 12.50.");
        return null;
    }
}
