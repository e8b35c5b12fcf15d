using InternalStore.Application.Checkout.Methods;
using InternalStore.Application.Common;
using InternalStore.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Orders;

/// <summary>
/// Expires one unpaid order whose hold has run out and releases its reservations. Safe when several
/// processes try at once: the order's version makes all but one of them re-run, and the re-run
/// finds nothing left to do.
/// </summary>
public sealed record ExpireOrderCommand(Guid Id, DateTimeOffset Now) : ICommand<bool>;

public sealed class ExpireOrderHandler(IStoreDb db, SettlementMethods methods) : ICommandHandler<ExpireOrderCommand, bool>
{
    public async ValueTask<bool> Handle(ExpireOrderCommand command, CancellationToken cancellationToken)
    {
        var order = await db.LockOrderAsync(command.Id, cancellationToken);
        if (order is null || !order.ExpireIfDue(command.Now))
            return false;
        await db.ReleaseAsync(order, command.Now, cancellationToken);
        methods.Of(order)?.OnExpired(order, command.Now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>The ids of unpaid orders past their hold, oldest first.</summary>
public sealed record DueOrdersQuery(DateTimeOffset Now, int Limit) : IQuery<IReadOnlyList<Guid>>;

public sealed class DueOrdersHandler(IStoreDb db) : IQueryHandler<DueOrdersQuery, IReadOnlyList<Guid>>
{
    public async ValueTask<IReadOnlyList<Guid>> Handle(DueOrdersQuery query, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.AwaitingPayment && o.ExpiresAt <= query.Now
                        && !o.HeldUntilSettled)
            .OrderBy(o => o.ExpiresAt)
            .Select(o => o.Id)
            .Take(query.Limit)
            .ToListAsync(cancellationToken);
}
