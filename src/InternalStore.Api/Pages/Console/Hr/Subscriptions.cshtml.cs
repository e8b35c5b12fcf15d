using InternalStore.Api.Console;
using InternalStore.Application.Common;
using InternalStore.Application.Subscriptions;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>The subscribers of the caller's companies, by plan and status; HR ends a subscription with a reason.</summary>
public sealed class SubscriptionsModel(ISender sender) : ConsolePageModel(sender)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Plan { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public Page<SubscriptionDto>? Subscriptions { get; private set; }
    public IReadOnlyList<ServicePlanDto> Plans { get; private set; } = [];

    public async Task OnGetAsync(int? p)
    {
        Plans = await Sender.Send(new ListServicePlansQuery(Caller), HttpContext.RequestAborted);
        Subscriptions = await TryQueryAsync(new ListSubscriptionsQuery(Caller, Blank(Plan), Blank(Status), null, Math.Max(1, p ?? 1), PageSize));
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, string? reason)
    {
        if (await TrySendAsync(new CancelSubscriptionCommand(Caller, id, AtPeriodEnd: true, reason)) is { } ended)
        {
            Notice = $"{ended.EmployeeName}'s {ended.PlanName} ends on {ended.EndsOn:yyyy-MM-dd}.";
            return RedirectToPage();
        }

        await OnGetAsync(null);
        return Page();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
