using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.InternalServices;

/// <summary>Disputes the caller is party to, open first: a department's own, a provider's centre's, finance's companies'.</summary>
public sealed record ListDisputesQuery(Caller Caller, string? Status) : IQuery<IReadOnlyList<DisputeDto>>, ICallerMessage;

public sealed class ListDisputesValidator : AbstractValidator<ListDisputesQuery>
{
    public ListDisputesValidator() =>
        RuleFor(x => x.Status).Must(s => s is null || WireNames.TryParseWire<DisputeStatus>(s, out _))
            .WithMessage($"status is one of {WireNames.All<DisputeStatus>()}.").OverridePropertyName("status");
}

public sealed class ListDisputesHandler(IStoreDb db, OrganisationAuthority authority) : IQueryHandler<ListDisputesQuery, IReadOnlyList<DisputeDto>>
{
    public const int MaxDisputes = 500;

    public async ValueTask<IReadOnlyList<DisputeDto>> Handle(ListDisputesQuery query, CancellationToken cancellationToken)
    {
        var caller = query.Caller;
        var companies = caller.IsInRole(Roles.Finance) || caller.IsOperator
            ? (await authority.ScopeOfAsync(caller, cancellationToken)).Companies.ToList()
            : [];
        var buyerCentre = caller.IsInRole(Roles.DepartmentBuyer) ? caller.CostCenter : null;
        var providerCentre = caller.IsInRole(Roles.ServiceProvider) ? caller.CostCenter : null;
        var disputes = db.StatementDisputes.AsNoTracking().Where(d => companies.Contains(d.SupplierCompany) || companies.Contains(d.ConsumerCompany)
            || (buyerCentre != null && d.CostCenter == buyerCentre) || (providerCentre != null && d.SupplierCostCenter == providerCentre));
        if (query.Status is { } text && WireNames.TryParseWire<DisputeStatus>(text, out var status))
            disputes = disputes.Where(d => d.Status == status);
        var list = await disputes.OrderByDescending(d => d.RaisedAt).Take(MaxDisputes).ToListAsync(cancellationToken);
        return list.OrderBy(d => d.Status != DisputeStatus.Open).ThenByDescending(d => d.RaisedAt).Select(d => d.ToDto()).ToList();
    }
}
