using System.Globalization;
using System.Text.Json.Nodes;
using InternalStore.Domain.Pricing;

namespace InternalStore.Application.Finance;

public static class TransferPricingMapping
{
    public static TransferPricingDto ToDto(TransferPricingSettings s) => new(s.DefaultMarkupPercent, s.IntercompanyMarkupPercent,
        (JsonNode.Parse(s.CategoryMarkups) as JsonArray ?? []).OfType<JsonObject>()
        .Select(m => new CategoryMarkupDto(m["category"]!.GetValue<string>(),
            decimal.Parse(m["markupPercent"]!.ToString(), CultureInfo.InvariantCulture)))
        .ToList());
}
