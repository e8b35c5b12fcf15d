using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Finance;

public sealed record CategoryMarkupDto(string Category, decimal MarkupPercent);

public sealed record TransferPricingDto(decimal DefaultMarkupPercent, decimal IntercompanyMarkupPercent,
    IReadOnlyList<CategoryMarkupDto> CategoryMarkups);

public sealed record GetTransferPricingQuery(Caller Caller) : IQuery<TransferPricingDto>, ICallerMessage;

public sealed class GetTransferPricingHandler(IStoreDb db) : IQueryHandler<GetTransferPricingQuery, TransferPricingDto>
{
    public async ValueTask<TransferPricingDto> Handle(GetTransferPricingQuery query, CancellationToken cancellationToken)
    {
        var settings = await db.TransferPricing.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == InternalStore.Domain.Pricing.TransferPricingSettings.SingletonId, cancellationToken);
        return settings is null ? new TransferPricingDto(0m, 0m, []) : TransferPricingMapping.ToDto(settings);
    }
}
