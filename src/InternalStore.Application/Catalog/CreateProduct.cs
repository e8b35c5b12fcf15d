using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Catalog;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Catalog;

/// <summary>
/// Creating a product is idempotent by SKU: the same SKU with the same details replays. Two
/// concurrent creations race on the primary key; the loser is re-run by the transaction behavior
/// and then sees the winner's row.
/// </summary>
public sealed record CreateProductCommand(Caller Caller, string? Sku, ProductInput Product, int? StockOnHand)
    : ICommand<CreateProductResult>, ICallerMessage;

public sealed record CreateProductResult(ProductDto Product, bool Created);

public sealed class CreateProductValidator : AbstractValidator<CreateProductCommand>
{
    public CreateProductValidator()
    {
        RuleFor(x => x.Sku).ValidSku().OverridePropertyName("sku");
        this.ProductInputRules(x => x.Product);
        RuleFor(x => x.StockOnHand).GreaterThanOrEqualTo(0).OverridePropertyName("stockOnHand");
    }
}

public sealed class CreateProductHandler(IStoreDb db, TimeProvider clock)
    : ICommandHandler<CreateProductCommand, CreateProductResult>
{
    public async ValueTask<CreateProductResult> Handle(CreateProductCommand command, CancellationToken cancellationToken)
    {
        var sku = command.Sku!;
        var details = command.Product.ToDetails();
        var existing = await db.Products.FirstOrDefaultAsync(p => p.Sku == sku, cancellationToken);
        if (existing is not null)
            return existing.Has(details)
                ? new CreateProductResult(existing.ToDto(includeCost: true), Created: false)
                : throw new ConflictException("duplicate-sku", $"A product with SKU '{command.Sku}' already exists.");

        var product = Product.Create(sku, details, command.StockOnHand ?? 0, clock.GetUtcNow());
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        return new CreateProductResult(product.ToDto(includeCost: true), Created: true);
    }
}
