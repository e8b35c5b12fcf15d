using InternalStore.Api.Console;
using InternalStore.Application.InternalServices;
using InternalStore.Application.People;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Console.Services;

/// <summary>A service provider's rate card: its centre's services, each rate with its history, a new service or rate.</summary>
public sealed class IndexModel(ISender sender, TimeProvider clock) : ConsolePageModel(sender)
{
    public IReadOnlyList<InternalServiceDto> Services { get; private set; } = [];
    public IReadOnlyList<CostCenterDto> Consumers { get; private set; } = [];
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [BindProperty]
    public ServiceForm Form { get; set; } = new();

    public async Task OnGetAsync()
    {
        Services = await Sender.Send(new ListInternalServicesQuery(Caller), HttpContext.RequestAborted);
        Consumers = await ConsumersAsync(Sender, Caller, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var f = Form;
        if (await TrySendAsync(new CreateInternalServiceCommand(Caller, f.Id?.Trim(), new InternalServiceInput(f.Name, f.Unit, f.Description, true),
                f.UnitRate, f.From)) is { } saved)
        {
            Notice = saved.Created ? $"{saved.Service.Id} is offered at {saved.Service.Rates[0].UnitRate:0.00} per {saved.Service.Unit}."
                : $"{saved.Service.Id} exists with these terms already.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(string id, decimal? unitRate, DateOnly? from, string? consumer)
    {
        if (await TrySendAsync(new AddServiceRateCommand(Caller, id, unitRate, from, consumer)) is { } saved)
        {
            Notice = saved.Created ? $"{id}: {unitRate:0.00} from {from:yyyy-MM-dd}{(string.IsNullOrWhiteSpace(consumer) ? "" : " for " + consumer)}."
                : $"{id} has this rate already.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(string id, bool active)
    {
        var service = await TryQueryAsync(new GetInternalServiceQuery(Caller, id));
        if (service is not null && await TrySendAsync(new UpdateInternalServiceCommand(Caller, id,
                new InternalServiceInput(service.Name, service.Unit, service.Description, active))) is not null)
        {
            Notice = active ? $"{id} is offered again." : $"{id} is no longer offered; its history stays.";
            return RedirectToPage();
        }

        await OnGetAsync();
        return Page();
    }

    /// <summary>The cost centres of the caller's group other than their own: who may consume their services.</summary>
    public static async Task<IReadOnlyList<CostCenterDto>> ConsumersAsync(ISender sender, Application.Common.Caller caller, CancellationToken ct) =>
        (await sender.Send(new ListCompaniesQuery(caller), ct)).SelectMany(c => c.CostCenters)
        .Where(c => c.Code != caller.CostCenter).ToList();

    public sealed class ServiceForm
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Unit { get; set; } = "hour";
        public string? Description { get; set; }
        public decimal? UnitRate { get; set; }
        public DateOnly? From { get; set; }
    }
}
