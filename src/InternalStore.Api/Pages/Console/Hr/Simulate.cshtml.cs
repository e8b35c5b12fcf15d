using InternalStore.Api.Console;
using InternalStore.Application.Policies;
using Mediator;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>A version against the policy in force over recent real orders; reads only.</summary>
public sealed class SimulateModel(ISender sender) : ConsolePageModel(sender)
{
    public PolicyVersionDto Policy { get; private set; } = null!;
    public SimulationDto? Result { get; private set; }
    public int Days { get; private set; }

    public async Task OnGetAsync(Guid id, int? days)
    {
        Policy = await Sender.Send(new GetPolicyQuery(Caller, id), HttpContext.RequestAborted);
        Days = days ?? 30;
        Result = await TryQueryAsync(new SimulatePolicyQuery(Caller, id, Days));
    }

    /// <summary>One row of the chart: a tier's discount and margin under the policy in force and under this version.</summary>
    public sealed record ChartRow(string Tier, decimal InForceDiscount, decimal DraftDiscount, decimal InForceMargin, decimal DraftMargin);

    public IReadOnlyList<ChartRow> Chart()
    {
        if (Result is null)
            return [];
        var inForce = Result.InForce.Tiers.ToDictionary(t => t.Tier);
        var draft = Result.Draft.Tiers.ToDictionary(t => t.Tier);
        return [.. inForce.Keys.Union(draft.Keys).Order(StringComparer.Ordinal).Select(tier => new ChartRow(tier,
            inForce.GetValueOrDefault(tier)?.Discount ?? 0m, draft.GetValueOrDefault(tier)?.Discount ?? 0m,
            inForce.GetValueOrDefault(tier)?.Margin ?? 0m, draft.GetValueOrDefault(tier)?.Margin ?? 0m))];
    }
}
