using InternalStore.Api.Console;
using InternalStore.Application.Common;
using InternalStore.Application.Negotiation;
using InternalStore.Application.Negotiation.Agreements;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>One quote request: per line the cost, the standard transfer price and the floor; the offer editor; approval; the history.</summary>
public sealed class QuoteModel(ISender sender, TimeProvider clock) : ConsolePageModel(sender)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public QuoteRequestDto? Quote { get; private set; }
    public IReadOnlyList<LineBasis> Basis { get; private set; } = [];
    public IReadOnlyList<PriceAgreementDto> Agreements { get; private set; } = [];
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    public DateOnly DefaultValidUntil => Today.AddDays(7);

    /// <summary>Keeps a resent agreement form from making agreements twice.</summary>
    public string AgreementKey { get; } = Guid.NewGuid().ToString();

    public async Task OnGetAsync()
    {
        Quote = await Sender.Send(new GetQuoteRequestQuery(Caller, Id), HttpContext.RequestAborted);
        Basis = await Sender.Send(new GetOfferBasisQuery(Caller, Id), HttpContext.RequestAborted);
        Agreements = (await Sender.Send(new ListPriceAgreementsQuery(Caller, Mine: false, null, null, null, Id, 1, Paging.MaxPageSize),
            HttpContext.RequestAborted)).Items;
    }

    public async Task<IActionResult> OnPostAgreeAsync(List<string>? skus, DateOnly? from, DateOnly? to, string? key)
    {
        if (await TrySendAsync(new MakePriceAgreementsCommand(Caller, key, Id, skus is { Count: > 0 } ? skus : null, from, to)) is { } made)
        {
            Notice = $"Standing agreement{(made.Agreements.Count == 1 ? "" : "s")} "
                     + string.Join(", ", made.Agreements.Select(a => $"{a.Id} ({a.Sku} at {a.UnitPrice:N2})"))
                     + $" made for {made.Agreements[0].CostCenter ?? made.Agreements[0].BuyerCompany}.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostOfferAsync(Dictionary<string, decimal?> prices, DateOnly? validUntil, string? comment)
    {
        var lines = prices.Select(p => new OfferLineRequest(p.Key, p.Value)).ToList();
        var until = validUntil is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero) : (DateTimeOffset?)null;
        if (await TrySendAsync(new MakeOfferCommand(Caller, Id, lines, until, comment)) is { } offered)
        {
            var offer = offered.Offers[^1];
            Notice = offer.NeedsApproval
                ? $"Offer v{offer.Version} saved; it is below the standard price and waits for a second finance person's approval."
                : $"Offer v{offer.Version} sent to {offered.BuyerId}.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(int version, string? reason)
    {
        if (await TrySendAsync(new ApproveOfferCommand(Caller, Id, version, reason)) is not null)
        {
            Notice = $"Offer v{version} approved: the buyer sees it now.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }
}
