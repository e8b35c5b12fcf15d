using InternalStore.Api.Shop;
using InternalStore.Application.Benefits;
using Mediator;

namespace InternalStore.Api.Pages.Shop;

/// <summary>The employee's discounts this year, the tax-free part and the taxable excess, per pay period.</summary>
public sealed class BenefitsModel(ISender sender) : ShopPageModel(sender)
{
    public MyBenefitsDto? Benefits { get; private set; }

    public async Task OnGetAsync()
    {
        if (Caller.IsInRole(Application.Common.Roles.Employee))
            Benefits = await Sender.Send(new GetMyBenefitsQuery(Caller), HttpContext.RequestAborted);
    }
}
