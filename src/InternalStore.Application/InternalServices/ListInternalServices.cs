using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.InternalServices;

/// <summary>The rate cards the caller may read: a provider's own centre's, finance's companies', a department's group's.</summary>
public sealed record ListInternalServicesQuery(Caller Caller) : IQuery<IReadOnlyList<InternalServiceDto>>, Authority.ICallerMessage;

public sealed record GetInternalServiceQuery(Caller Caller, string Id) : IQuery<InternalServiceDto>, Authority.ICallerMessage;

public sealed class ListInternalServicesHandler(IStoreDb db, InternalServiceAccess access, TimeProvider clock)
    : IQueryHandler<ListInternalServicesQuery, IReadOnlyList<InternalServiceDto>>, IQueryHandler<GetInternalServiceQuery, InternalServiceDto>
{
    public async ValueTask<IReadOnlyList<InternalServiceDto>> Handle(ListInternalServicesQuery query, CancellationToken cancellationToken)
    {
        // A group has tens of services, not thousands: read them and keep those the caller may see.
        var services = await db.InternalServices.AsNoTracking().Include(s => s.Rates).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var visible = new List<InternalServiceDto>();
        foreach (var service in services)
        {
            if (await access.MayReadAsync(query.Caller, service, cancellationToken))
                visible.Add(service.ToDto(today));
        }

        return visible;
    }

    public async ValueTask<InternalServiceDto> Handle(GetInternalServiceQuery query, CancellationToken cancellationToken)
    {
        var service = await db.InternalServices.AsNoTracking().Include(s => s.Rates).FirstOrDefaultAsync(s => s.Id == query.Id, cancellationToken);
        if (service is null || !await access.MayReadAsync(query.Caller, service, cancellationToken))
            throw new NotFoundException("Internal service", query.Id);
        return service.ToDto(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
