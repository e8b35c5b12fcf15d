using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Orders;

public sealed record GetOrderQuery(Caller Caller, Guid Id) : IQuery<OrderDto>, ICallerMessage;

public sealed class GetOrderHandler(IStoreDb db, OrganisationAuthority authority) : IQueryHandler<GetOrderQuery, OrderDto>
{
    public async ValueTask<OrderDto> Handle(GetOrderQuery query, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(query.Caller, cancellationToken);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.History).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == query.Id, cancellationToken);
        return order is not null && OrderAccess.MaySee(scope, order)
            ? order.ToDto()
            : throw new NotFoundException("Order", query.Id.ToString());
    }
}
