using InternalStore.Api.Shop;
using InternalStore.Application.Common;
using InternalStore.Application.Negotiation;
using Mediator;

namespace InternalStore.Api.Pages.Shop;

/// <summary>A department's or affiliate's requests for a negotiated price.</summary>
public sealed class QuotesModel(ISender sender) : ShopPageModel(sender)
{
    public Page<QuoteRequestDto>? Requests { get; private set; }

    public async Task OnGetAsync() =>
        Requests = await Sender.Send(new ListQuoteRequestsQuery(Caller, null, 1, Paging.MaxPageSize), HttpContext.RequestAborted);
}
