using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Shopping;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Carts;

/// <summary>
/// Sets a line of the caller's cart to a quantity (0 takes it out), or with <paramref name="Add"/>
/// adds to what is there. Only products on sale go in; taking a line out always works.
/// </summary>
public sealed record SetCartLineCommand(Caller Caller, string? Sku, int? Quantity, bool Add = false) : ICommand, ICallerMessage;

public sealed class SetCartLineValidator : AbstractValidator<SetCartLineCommand>
{
    public SetCartLineValidator()
    {
        RuleFor(x => x.Sku).NotEmpty().MaximumLength(Domain.Catalog.Product.MaxSkuLength).OverridePropertyName("sku");
        RuleFor(x => x.Quantity).NotNull().InclusiveBetween(0, Cart.MaxQuantity)
            .WithMessage($"quantity is a whole number from 0 (take it out) to {Cart.MaxQuantity}.")
            .OverridePropertyName("quantity");
        RuleFor(x => x.Quantity).GreaterThan(0).WithMessage("Add at least one.").When(x => x.Add).OverridePropertyName("quantity");
    }
}

public sealed class SetCartLineHandler(IStoreDb db, TimeProvider clock) : ICommandHandler<SetCartLineCommand>
{
    public async ValueTask<Unit> Handle(SetCartLineCommand command, CancellationToken cancellationToken)
    {
        CartBuyers.Require(command.Caller);
        var sku = command.Sku!.Trim();
        var now = clock.GetUtcNow();
        var cart = await db.Carts.Include(c => c.Items).FirstOrDefaultAsync(c => c.Owner == command.Caller.Subject, cancellationToken);
        var inCart = cart?.Items.Any(i => i.Sku == sku) == true;
        if (command.Quantity > 0 && !inCart && !await db.Products.AnyAsync(p => p.Sku == sku && p.Active, cancellationToken))
            throw new NotFoundException("Product", sku);
        if (cart is null)
        {
            if (command.Quantity == 0)
                return Unit.Value;
            cart = new Cart(command.Caller.Subject, now);
            db.Carts.Add(cart);
        }

        if (command.Add)
            cart.Add(sku, command.Quantity!.Value, now);
        else
            cart.Set(sku, command.Quantity!.Value, now);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
