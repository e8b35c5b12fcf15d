using InternalStore.Api.Console;
using InternalStore.Application.Subscriptions;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Catalog;

/// <summary>Service plans: make one on a service product, change a plan's price (after its notice for subscribers) or withdraw it.</summary>
public sealed class PlansModel(ISender sender) : ConsolePageModel(sender)
{
    public IReadOnlyList<ServicePlanDto> Plans { get; private set; } = [];

    [BindProperty]
    public PlanForm Form { get; set; } = new();

    public async Task OnGetAsync() => Plans = await Sender.Send(new ListServicePlansQuery(Caller), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var f = Form;
        if (await TrySendAsync(new CreateServicePlanCommand(Caller, f.Id?.Trim(), new ServicePlanInput(f.Name, f.Sku?.Trim(), f.Provider?.Trim(),
                f.Period, f.PricePerPeriod, f.CostPerPeriod, f.MinimumTermPeriods, f.NoticeDays, f.AfterProbationOnly, Companies(f.Companies),
                f.EnrolmentOpens, f.EnrolmentCloses, f.AllowsPause, f.AllowsImmediateCancel, true))) is { } saved)
        {
            Notice = saved.Created ? $"Plan {saved.Plan.Id} is offered." : $"Plan {saved.Plan.Id} exists with these terms already.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    /// <summary>Changes the price and cost of a plan (and whether it is offered), keeping its other terms.</summary>
    public async Task<IActionResult> OnPostPriceAsync(string id, decimal? pricePerPeriod, decimal? costPerPeriod, bool active)
    {
        var plan = await TryQueryAsync(new GetServicePlanQuery(Caller, id));
        if (plan is not null && await TrySendAsync(new UpdateServicePlanCommand(Caller, id, new ServicePlanInput(plan.Name, plan.Sku, plan.Provider,
                plan.Period, pricePerPeriod, costPerPeriod, plan.MinimumTermPeriods, plan.NoticeDays, plan.AfterProbationOnly, plan.Companies,
                plan.EnrolmentOpens, plan.EnrolmentCloses, plan.AllowsPause, plan.AllowsImmediateCancel, active))) is { } saved)
        {
            var last = saved.Plan.Prices[^1];
            Notice = $"Plan {id} saved; its price {last.PricePerPeriod:0.00} reaches existing subscribers from {last.ReachesSubscribersFrom:yyyy-MM-dd}.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    private static List<string>? Companies(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public sealed class PlanForm
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Sku { get; set; }
        public string? Provider { get; set; }
        public string? Period { get; set; } = "monthly";
        public decimal? PricePerPeriod { get; set; }
        public decimal? CostPerPeriod { get; set; }
        public int? MinimumTermPeriods { get; set; } = 0;
        public int? NoticeDays { get; set; } = 30;
        public bool AfterProbationOnly { get; set; } = true;
        public string? Companies { get; set; }
        public DateOnly? EnrolmentOpens { get; set; }
        public DateOnly? EnrolmentCloses { get; set; }
        public bool AllowsPause { get; set; }
        public bool AllowsImmediateCancel { get; set; }
    }
}
