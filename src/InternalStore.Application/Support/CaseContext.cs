using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Application.InternalServices;
using InternalStore.Application.Orders;
using InternalStore.Application.Pricing;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.Support;

/// <summary>The policy version in force for the buyer's company on the day an order was placed: the one that priced it.</summary>
public sealed record CasePolicyDto(Guid Id, string Company, int Version, string Name, DateOnly? EffectiveFrom);

public sealed record CaseOrderContextDto(OrderDetailsDto Details, CasePolicyDto? Policy);

/// <summary>One use of the requester's allowance this year: an order or a subscription charge.</summary>
public sealed record AllowanceUseDto(string Kind, string Reference, DateTimeOffset At, decimal Amount);

public sealed record StatementLineContextDto(Guid Id, string Kind, string Description, DateOnly Date, decimal? Amount, string Currency,
    DisputeDto? Dispute);

/// <summary>
/// What staff see beside a case: every linked order with its price explanation, the policy version that
/// priced it and its payment schedule; the requester's allowance and its uses this year; linked statement
/// lines with their disputes; and the actions (existing commands) the caller may take from the case.
/// </summary>
public sealed record CaseContextDto(Guid CaseId, string Requester, IReadOnlyList<CaseOrderContextDto> Orders, AllowanceDto? Allowance,
    IReadOnlyList<AllowanceUseDto> AllowanceUses, IReadOnlyList<StatementLineContextDto> StatementLines, IReadOnlyList<string> Actions);

public sealed record GetCaseContextQuery(Caller Caller, Guid Id) : IQuery<CaseContextDto>, ICallerMessage;

public sealed class GetCaseContextHandler(IStoreDb db, SupportAccess access, PricingFacts facts, TimeProvider clock,
    IOptions<OrderOptions> orders, IOptions<PricingOptions> pricing) : IQueryHandler<GetCaseContextQuery, CaseContextDto>
{
    public async ValueTask<CaseContextDto> Handle(GetCaseContextQuery query, CancellationToken cancellationToken)
    {
        var (@case, staff) = await access.CaseAsync(query.Caller, query.Id, cancellationToken);
        if (!staff)
            throw new ForbiddenException($"A case's context is for its team ({SupportAccess.RoleOf(@case.Team)} of {@case.Company}).");
        var now = clock.GetUtcNow();
        var orderIds = await CaseTargets.OrderIdsAsync(db, @case, cancellationToken);

        var contexts = new List<CaseOrderContextDto>();
        foreach (var id in orderIds)
        {
            // The requester linked it: the case's team sees it whatever its role's reach over orders.
            var order = await db.Orders.AsNoTracking().Include(o => o.Lines).Include(o => o.History).AsSplitQuery()
                .FirstAsync(o => o.Id == id, cancellationToken);
            var details = await OrderDetails.ReadAsync(db, order, query.Caller, now, orders.Value.RefundWindowDays, cancellationToken);
            var policy = order.BuyerKind == Domain.Ordering.BuyerKind.Employee
                ? await facts.PolicyInForceAsync(order.Company, DateOnly.FromDateTime(order.PlacedAt.UtcDateTime), cancellationToken)
                : null;
            contexts.Add(new CaseOrderContextDto(details,
                policy is null ? null : new CasePolicyDto(policy.Id, policy.CompanyCode, policy.Version, policy.Name, policy.EffectiveFrom)));
        }

        AllowanceDto? allowance = null;
        List<AllowanceUseDto> uses = [];
        if (await facts.EmployeeAsync(@case.RequesterId, cancellationToken) is { } employee)
        {
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            allowance = await AllowanceReport.ReadAsync(facts, employee, today, pricing.Value.Currency, cancellationToken);
            var fromOrders = await db.Orders.AsNoTracking()
                .Where(o => o.BuyerId == employee.Id && o.AllowanceYear == today.Year && o.AllowanceReserved > 0)
                .Select(o => new { o.Id, o.PlacedAt, o.AllowanceReserved, o.Status }).ToListAsync(cancellationToken);
            var fromCharges = await db.SubscriptionCharges.AsNoTracking()
                .Where(c => c.EmployeeId == employee.Id && c.PayDate.Year == today.Year && c.AllowanceTaken > 0)
                .Select(c => new { c.PlanId, c.BilledAt, c.AllowanceTaken }).ToListAsync(cancellationToken);
            uses = [.. fromOrders.Select(o => new AllowanceUseDto($"order ({o.Status.WireName()})", o.Id.ToString(), o.PlacedAt, o.AllowanceReserved))
                .Concat(fromCharges.Select(c => new AllowanceUseDto("subscription", c.PlanId, c.BilledAt, c.AllowanceTaken)))
                .OrderByDescending(u => u.At)];
        }

        var lines = new List<StatementLineContextDto>();
        foreach (var lineId in CaseTargets.StatementLineIds(@case))
        {
            var dispute = await db.StatementDisputes.AsNoTracking().Where(d => d.LineId == lineId).OrderByDescending(d => d.RaisedAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (await db.UsageEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == lineId, cancellationToken) is { } usage)
                lines.Add(new StatementLineContextDto(usage.Id, "service", $"{usage.ServiceName}: {usage.Quantity.Plain()} {usage.Unit} from {usage.SupplierCostCenter}",
                    usage.Date, usage.Amount, usage.Currency, dispute?.ToDto()));
            else if (await db.JournalEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == lineId, cancellationToken) is { } entry)
                lines.Add(new StatementLineContextDto(entry.Id, "goods", entry.Memo, DateOnly.FromDateTime(entry.PostedAt.UtcDateTime), entry.Amount,
                    entry.Currency, dispute?.ToDto()));
        }

        return new CaseContextDto(@case.Id, @case.RequesterId, contexts, allowance, uses, lines,
            CaseActions.Available(query.Caller, contexts, lines));
    }
}

/// <summary>What a case's links point at, by kind.</summary>
public static class CaseTargets
{
    public static async Task<List<Guid>> OrderIdsAsync(IStoreDb db, Domain.Support.SupportCase @case, CancellationToken ct)
    {
        var ids = @case.Links.Where(l => l.Type is "order" or "order-line").Select(l => Guid.Parse(l.Target.Split('/')[0])).ToList();
        var schedules = @case.Links.Where(l => l.Type == "deduction").Select(l => Guid.Parse(l.Target)).ToList();
        if (schedules.Count > 0)
            ids.AddRange(await db.PayrollSchedules.AsNoTracking().Where(s => schedules.Contains(s.Id)).Select(s => s.OrderId).ToListAsync(ct));
        return [.. ids.Distinct()];
    }

    public static IEnumerable<Guid> StatementLineIds(Domain.Support.SupportCase @case) =>
        @case.Links.Where(l => l.Type == "statement-line").Select(l => Guid.Parse(l.Target)).Distinct();
}
