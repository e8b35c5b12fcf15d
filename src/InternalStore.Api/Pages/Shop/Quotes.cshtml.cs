using InternalStore.Api.Shop;
using InternalStore.Application.Common;
using InternalStore.Application.Negotiation;
using InternalStore.Application.Negotiation.Agreements;
using Mediator;

namespace InternalStore.Api.Pages.Shop;

/// <summary>A department's or affiliate's requests for a negotiated price, and the standing prices that apply to it.</summary>
public sealed class QuotesModel(ISender sender) : ShopPageModel(sender)
{
    public Page<QuoteRequestDto>? Requests { get; private set; }
    public IReadOnlyList<PriceAgreementDto> Agreements { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Requests = await Sender.Send(new ListQuoteRequestsQuery(Caller, null, 1, Paging.MaxPageSize), HttpContext.RequestAborted);
        var active = await Sender.Send(new ListPriceAgreementsQuery(Caller, Mine: true, "active", null, null, null, 1, Paging.MaxPageSize),
            HttpContext.RequestAborted);
        var scheduled = await Sender.Send(new ListPriceAgreementsQuery(Caller, Mine: true, "scheduled", null, null, null, 1, Paging.MaxPageSize),
            HttpContext.RequestAborted);
        Agreements = [.. active.Items, .. scheduled.Items];
    }
}
