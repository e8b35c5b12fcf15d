using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Orders;

/// <summary>Marks a paid order fulfilled (catalog staff).</summary>
public sealed record FulfilOrderCommand(Caller Caller, Guid Id) : ICommand<OrderDto>, ICallerMessage;

public sealed class FulfilOrderHandler(IStoreDb db, TimeProvider clock) : ICommandHandler<FulfilOrderCommand, OrderDto>
{
    public async ValueTask<OrderDto> Handle(FulfilOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LockOrderAsync(command.Id, cancellationToken)
                    ?? throw new Domain.Common.NotFoundException("Order", command.Id.ToString());
        order.Fulfil(command.Caller.Subject, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return order.ToDto();
    }
}
