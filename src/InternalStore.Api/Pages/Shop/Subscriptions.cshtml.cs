using InternalStore.Api.Shop;
using InternalStore.Application.Common;
using InternalStore.Application.Subscriptions;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>The employer's services by the period: each plan at my price, subscribe, my subscriptions, pause, cancel.</summary>
public sealed class SubscriptionsModel(ISender sender) : ShopPageModel(sender)
{
    public IReadOnlyList<ServicePlanDto> Plans { get; private set; } = [];
    public IReadOnlyList<SubscriptionDto> Mine { get; private set; } = [];
    public string Key { get; private set; } = NewKey();

    public async Task OnGetAsync()
    {
        if (!Caller.IsInRole(Roles.Employee))
            return;
        Plans = await Sender.Send(new ListServicePlansQuery(Caller), HttpContext.RequestAborted);
        Mine = (await Sender.Send(new ListSubscriptionsQuery(Caller, null, null, Caller.Subject, 1, Paging.MaxPageSize),
            HttpContext.RequestAborted)).Items;
    }

    public async Task<IActionResult> OnPostSubscribeAsync(string? plan, string? key)
    {
        if (await TrySendAsync(new SubscribeCommand(Caller, key, plan)) is { } result)
        {
            var s = result.Subscription;
            Notice = $"Subscribed to {s.PlanName}: service starts on {s.StartsOn:yyyy-MM-dd}.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? when, string? reason)
    {
        if (await TrySendAsync(new CancelSubscriptionCommand(Caller, id, when != "now", reason)) is { } cancelled)
        {
            Notice = $"{cancelled.PlanName} is cancelled: service ends on {cancelled.EndsOn:yyyy-MM-dd}.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    public Task<IActionResult> OnPostPauseAsync(Guid id) => PauseAsync(id, pause: true);

    public Task<IActionResult> OnPostResumeAsync(Guid id) => PauseAsync(id, pause: false);

    private async Task<IActionResult> PauseAsync(Guid id, bool pause)
    {
        if (await TrySendAsync(new PauseSubscriptionCommand(Caller, id, pause)) is { } changed)
        {
            Notice = pause ? $"{changed.PlanName} is paused from {changed.PausedFrom:yyyy-MM-dd}." : $"{changed.PlanName} runs again.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }
}
