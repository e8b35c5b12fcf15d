using System.Globalization;
using InternalStore.Api.Shop;
using InternalStore.Application.InternalServices;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Pages.Shop;

/// <summary>A department buyer's statement of its cost centre: goods and services of a month, a dispute per line, acceptance.</summary>
public sealed class StatementModel(ISender sender, TimeProvider clock) : ShopPageModel(sender)
{
    public string Month { get; private set; } = "";
    public CostCentreStatementDto? Statement { get; private set; }

    /// <summary>An employee or affiliate buyer: statements belong to cost centres, so the page says whose they are.</summary>
    public bool NotADepartment { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? month)
    {
        if (!User.IsInRole(Application.Common.Roles.DepartmentBuyer) || Caller.CostCenter is null)
        {
            NotADepartment = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }

        Month = string.IsNullOrWhiteSpace(month)
            ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture)
            : month;
        Statement = await TryQueryAsync(new GetCostCentreStatementQuery(Caller, Caller.CostCenter, Month));
        return Page();
    }

    public async Task<IActionResult> OnPostDisputeAsync(Guid id, string? reason, string? month)
    {
        if (Caller.CostCenter is null)
            return await OnGetAsync(month);
        if (await TrySendAsync(new DisputeStatementLineCommand(Caller, id, reason)) is not null)
        {
            Notice = "Your dispute is with the supplier; the line shows its answer here.";
            return RedirectToPage(new { month });
        }

        return await OnGetAsync(month);
    }

    public async Task<IActionResult> OnPostAcceptAsync(string? month)
    {
        if (Caller.CostCenter is null)
            return await OnGetAsync(month);
        if (await TrySendAsync(new AcceptStatementCommand(Caller, Caller.CostCenter!, month)) is { } accepted)
        {
            Notice = $"You accepted {accepted.Month}'s statement of {accepted.Total:0.00} {accepted.Currency}.";
            return RedirectToPage(new { month });
        }

        return await OnGetAsync(month);
    }
}
