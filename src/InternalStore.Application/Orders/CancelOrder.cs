using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Application.Checkout.Methods;
using InternalStore.Domain.Common;
using Mediator;

namespace InternalStore.Application.Orders;

/// <summary>Cancels an order awaiting payment (its buyer or finance) and releases what it reserved.</summary>
public sealed record CancelOrderCommand(Caller Caller, Guid Id) : ICommand<OrderDto>, ICallerMessage;

public sealed class CancelOrderHandler(IStoreDb db, OrderAccess access, SettlementMethods methods, TimeProvider clock) : ICommandHandler<CancelOrderCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(CancelOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await access.LoadForChangeAsync(command.Caller, command.Id, cancellationToken);
        if (order.BuyerId != command.Caller.Subject && !command.Caller.IsInRole(Roles.Finance))
            throw new ForbiddenException("Only the buyer or finance can cancel an order.");

        var now = clock.GetUtcNow();
        order.Cancel(command.Caller.Subject, now);
        await db.ReleaseAsync(order, now, cancellationToken);
        methods.Of(order)?.OnCancelled(order, now);
        await db.SaveChangesAsync(cancellationToken);
        return order.ToDto();
    }
}
