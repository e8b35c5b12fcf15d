using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Carts;

/// <summary>Empties the caller's cart.</summary>
public sealed record ClearCartCommand(Caller Caller) : ICommand, ICallerMessage;

public sealed class ClearCartHandler(IStoreDb db, TimeProvider clock) : ICommandHandler<ClearCartCommand>
{
    public async ValueTask<Unit> Handle(ClearCartCommand command, CancellationToken cancellationToken)
    {
        CartBuyers.Require(command.Caller);
        var cart = await db.Carts.Include(c => c.Items).FirstOrDefaultAsync(c => c.Owner == command.Caller.Subject, cancellationToken);
        if (cart is { Items.Count: > 0 })
        {
            cart.Clear(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
