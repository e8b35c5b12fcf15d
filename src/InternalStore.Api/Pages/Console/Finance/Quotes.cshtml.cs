using InternalStore.Api.Console;
using InternalStore.Application.Common;
using InternalStore.Application.Negotiation;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Finance;

/// <summary>Finance's inbox of quote requests, the offers waiting for a second person's approval, and the company's negotiation limits.</summary>
public sealed class QuotesModel(ISender sender) : ConsolePageModel(sender)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public Page<QuoteRequestDto>? Requests { get; private set; }
    public IReadOnlyList<QuoteRequestDto> AwaitingApproval { get; private set; } = [];
    public NegotiationSettingsDto? Settings { get; private set; }

    public async Task OnGetAsync(int? p)
    {
        Requests = await TryQueryAsync(new ListQuoteRequestsQuery(Caller, string.IsNullOrWhiteSpace(Status) ? null : Status,
            Math.Max(1, p ?? 1), PageSize));
        AwaitingApproval = (await Sender.Send(new ListQuoteRequestsQuery(Caller, null, 1, Paging.MaxPageSize, AwaitingApproval: true),
            HttpContext.RequestAborted)).Items;
        Settings = await Sender.Send(new GetNegotiationSettingsQuery(Caller), HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostSettingsAsync(decimal? minimumMarkupPercent, decimal? autoOfferBandPercent)
    {
        if (await TrySendAsync(new UpdateNegotiationSettingsCommand(Caller, minimumMarkupPercent, autoOfferBandPercent)) is { } saved)
        {
            Notice = $"Negotiation limits of {saved.Company} saved.";
            return RedirectToPage();
        }

        await OnGetAsync(null);
        return Page();
    }
}
