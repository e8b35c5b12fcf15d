using InternalStore.Domain.Common;
using InternalStore.Application.Authority;
using FluentValidation;
using InternalStore.Application.Common;
using InternalStore.Domain.Ordering;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Orders;

/// <summary>The orders the caller may see (<see cref="OrderAccess"/>), filtered by status, buyer, cost centre and dates.</summary>
public sealed record ListOrdersQuery(Caller Caller, string? Status, string? Buyer, string? CostCenter, DateOnly? From,
    DateOnly? To, int Page, int PageSize) : IQuery<Page<OrderDto>>, ICallerMessage;

public sealed class ListOrdersValidator : AbstractValidator<ListOrdersQuery>
{
    public ListOrdersValidator()
    {
        this.PageRules(x => x.Page, x => x.PageSize);
        RuleFor(x => x.Status).Must(s => s is null || WireNames.TryParseWire<OrderStatus>(s, out _))
            .WithMessage("Status is one of awaitingPayment, paid, fulfilled, cancelled, expired, partiallyRefunded, refunded.")
            .OverridePropertyName("status");
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .OverridePropertyName("to");
    }
}

public sealed class ListOrdersHandler(IStoreDb db, OrganisationAuthority authority) : IQueryHandler<ListOrdersQuery, Page<OrderDto>>
{
    public async ValueTask<Page<OrderDto>> Handle(ListOrdersQuery query, CancellationToken cancellationToken)
    {
        var scope = await authority.ScopeOfAsync(query.Caller, cancellationToken);
        var orders = OrderAccess.Visible(db.Orders.AsNoTracking(), scope);
        if (query.Buyer is not null)
            orders = orders.Where(o => o.BuyerId == query.Buyer);
        if (WireNames.TryParseWire<OrderStatus>(query.Status, out var status)) // the validator refused any other text
            orders = orders.Where(o => o.Status == status);

        if (query.CostCenter is not null)
            orders = orders.Where(o => o.CostCenter == query.CostCenter);
        if (query.From is { } from)
        {
            var since = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            orders = orders.Where(o => o.PlacedAt >= since);
        }

        if (query.To is { } to)
        {
            var until = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            orders = orders.Where(o => o.PlacedAt < until);
        }

        var total = await orders.CountAsync(cancellationToken);
        var page = await orders.OrderByDescending(o => o.PlacedAt)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Include(o => o.Lines).Include(o => o.History)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new Page<OrderDto>(page.Select(o => o.ToDto()).ToList(), query.Page, query.PageSize, total);
    }
}
