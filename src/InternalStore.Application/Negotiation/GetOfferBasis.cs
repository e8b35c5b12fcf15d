using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;

namespace InternalStore.Application.Negotiation;

/// <summary>For finance of the seller writing an offer: each requested line's unit cost, standard transfer price and floor, as of now.</summary>
public sealed record GetOfferBasisQuery(Caller Caller, Guid RequestId) : IQuery<IReadOnlyList<LineBasis>>, ICallerMessage;

public sealed class GetOfferBasisHandler(QuoteRequestAccess access, NegotiationBasis basis) : IQueryHandler<GetOfferBasisQuery, IReadOnlyList<LineBasis>>
{
    public async ValueTask<IReadOnlyList<LineBasis>> Handle(GetOfferBasisQuery query, CancellationToken cancellationToken)
    {
        var (request, scope) = await access.LoadAsync(query.Caller, query.RequestId, track: false, cancellationToken);
        QuoteRequestAccess.RequireSellerFinance(scope, request);
        return await basis.OfAsync(request, cancellationToken);
    }
}
