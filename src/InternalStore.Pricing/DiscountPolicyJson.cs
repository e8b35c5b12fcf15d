using System.Globalization;
using System.Text.Json.Nodes;

namespace InternalStore.Pricing;

/// <summary>
/// The policy document in JSON, as in the pricing-vectors format: percents and amounts as strings
/// (read as <see cref="decimal"/>), stacking <c>best|compound</c>, rounding <c>halfUp|halfEven</c>.
/// </summary>
public static class DiscountPolicyJson
{
    /// <summary>Reads a policy document.</summary>
    /// <exception cref="FormatException">A field is missing or malformed; the message names it.</exception>
    public static DiscountPolicy Read(JsonObject p) => new()
    {
        Tiers = PricingCaseFile.Array(p, "tiers").Select(t => new Tier(PricingCaseFile.Str(t, "id"), PricingCaseFile.Dec(t, "percent"), PricingCaseFile.OptInt(t, "minGrade"),
            PricingCaseFile.OptInt(t, "minTenureMonths"))).ToList(),
        ProbationDays = PricingCaseFile.OptInt(p, "probationDays") ?? 0,
        CategoryRules = PricingCaseFile.Array(p, "categoryRules").Select(r => new CategoryRule(PricingCaseFile.Str(r, "category"),
            r["exclude"]?.GetValue<bool>() ?? false, PricingCaseFile.OptDec(r, "percent"), PricingCaseFile.OptDec(r, "maxPercent"))).ToList(),
        MinMarginPercent = PricingCaseFile.OptDec(p, "minMarginPercent") ?? 0m,
        AnnualAllowance = PricingCaseFile.OptDec(p, "annualAllowance"),
        QuantityLimits = PricingCaseFile.Array(p, "quantityLimits").Select(l => new QuantityLimit(PricingCaseFile.Str(l, "sku"),
            PricingCaseFile.OptInt(l, "maxUnits") ?? 0, PricingCaseFile.OptInt(l, "windowDays") ?? 0)).ToList(),
        PromotionStacking = (p["promotionStacking"]?.GetValue<string>() ?? "best") switch
        {
            "best" => PromotionStacking.Best,
            "compound" => PromotionStacking.Compound,
            var other => throw new FormatException($"promotionStacking '{other}' is not best or compound."),
        },
        Rounding = (p["rounding"]?.GetValue<string>() ?? "halfUp") switch
        {
            "halfUp" => RoundingMode.HalfUp,
            "halfEven" => RoundingMode.HalfEven,
            var other => throw new FormatException($"rounding '{other}' is not halfUp or halfEven."),
        },
    };

    /// <summary>Reads a policy document from JSON text.</summary>
    /// <exception cref="FormatException">The text is not a policy document.</exception>
    public static DiscountPolicy Read(string json)
    {
        try
        {
            return Read(JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A policy is a JSON object."));
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new FormatException($"Not valid JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>Writes a policy document.</summary>
    public static JsonObject Write(DiscountPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        static string S(decimal value) => value.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["tiers"] = new JsonArray([.. policy.Tiers.Select(t =>
            {
                var tier = new JsonObject { ["id"] = t.Id, ["percent"] = S(t.Percent) };
                if (t.MinGrade is { } grade) tier["minGrade"] = grade;
                if (t.MinTenureMonths is { } months) tier["minTenureMonths"] = months;
                return (JsonNode)tier;
            })]),
            ["probationDays"] = policy.ProbationDays,
            ["categoryRules"] = new JsonArray([.. policy.CategoryRules.Select(r =>
            {
                var rule = new JsonObject { ["category"] = r.Category };
                if (r.Exclude) rule["exclude"] = true;
                if (r.Percent is { } percent) rule["percent"] = S(percent);
                if (r.MaxPercent is { } max) rule["maxPercent"] = S(max);
                return (JsonNode)rule;
            })]),
            ["minMarginPercent"] = S(policy.MinMarginPercent),
            ["annualAllowance"] = policy.AnnualAllowance is { } allowance ? S(allowance) : null,
            ["quantityLimits"] = new JsonArray([.. policy.QuantityLimits.Select(l => (JsonNode)new JsonObject
            {
                ["sku"] = l.Sku, ["maxUnits"] = l.MaxUnits, ["windowDays"] = l.WindowDays,
            })]),
            ["promotionStacking"] = policy.PromotionStacking == PromotionStacking.Compound ? "compound" : "best",
            ["rounding"] = policy.Rounding == RoundingMode.HalfEven ? "halfEven" : "halfUp",
        };
    }
}
