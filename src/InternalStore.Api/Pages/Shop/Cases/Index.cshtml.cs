using InternalStore.Api.Shop;
using InternalStore.Application.Support;
using Mediator;

namespace InternalStore.Api.Pages.Shop.Cases;

/// <summary>The buyer's own help desk cases.</summary>
public sealed class IndexModel(ISender sender) : ShopPageModel(sender)
{
    public IReadOnlyList<CaseDto> Cases { get; private set; } = [];

    public async Task OnGetAsync() =>
        Cases = [.. (await Sender.Send(new ListCasesQuery(Caller, null, null, null), HttpContext.RequestAborted)).Where(c => c.RequesterId == Caller.Subject)];
}
