using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace InternalStore.Api.Pages.Console.Hr;

/// <summary>
/// A policy document as the draft editor shows it: every field as typed, so a rejected form comes
/// back exactly as it was sent. Field names follow the document's paths (<c>tiers[0].percent</c>),
/// which is also how the policy validator names its failures.
/// </summary>
public sealed class PolicyForm
{
    private const int BlankRows = 2;

    public string Name { get; set; } = "";
    public List<TierRow> Tiers { get; set; } = [];
    public string? ProbationDays { get; set; }
    public List<CategoryRow> CategoryRules { get; set; } = [];
    public string? MinMarginPercent { get; set; }
    public string? AnnualAllowance { get; set; }
    public List<LimitRow> QuantityLimits { get; set; } = [];
    public string PromotionStacking { get; set; } = "best";
    public string Rounding { get; set; } = "halfUp";

    public sealed class TierRow
    {
        public string? Id { get; set; }
        public string? Percent { get; set; }
        public string? MinGrade { get; set; }
        public string? MinTenureMonths { get; set; }
        internal bool IsBlank => Blank(Id, Percent, MinGrade, MinTenureMonths);
    }

    public sealed class CategoryRow
    {
        public string? Category { get; set; }
        public bool Exclude { get; set; }
        public string? Percent { get; set; }
        public string? MaxPercent { get; set; }
        internal bool IsBlank => !Exclude && Blank(Category, Percent, MaxPercent);
    }

    public sealed class LimitRow
    {
        public string? Sku { get; set; }
        public string? MaxUnits { get; set; }
        public string? WindowDays { get; set; }
        internal bool IsBlank => Blank(Sku, MaxUnits, WindowDays);
    }

    public static PolicyForm From(string name, JsonObject document)
    {
        static string? Text(JsonNode? node) => node is null ? null
            : node.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        var form = new PolicyForm
        {
            Name = name,
            ProbationDays = Text(document["probationDays"]),
            MinMarginPercent = Text(document["minMarginPercent"]),
            AnnualAllowance = Text(document["annualAllowance"]),
            PromotionStacking = Text(document["promotionStacking"]) ?? "best",
            Rounding = Text(document["rounding"]) ?? "halfUp",
        };
        foreach (var tier in document["tiers"]?.AsArray() ?? [])
            form.Tiers.Add(new TierRow { Id = Text(tier!["id"]), Percent = Text(tier["percent"]), MinGrade = Text(tier["minGrade"]),
                MinTenureMonths = Text(tier["minTenureMonths"]) });
        foreach (var rule in document["categoryRules"]?.AsArray() ?? [])
            form.CategoryRules.Add(new CategoryRow { Category = Text(rule!["category"]), Exclude = rule["exclude"]?.GetValue<bool>() == true,
                Percent = Text(rule["percent"]), MaxPercent = Text(rule["maxPercent"]) });
        foreach (var limit in document["quantityLimits"]?.AsArray() ?? [])
            form.QuantityLimits.Add(new LimitRow { Sku = Text(limit!["sku"]), MaxUnits = Text(limit["maxUnits"]), WindowDays = Text(limit["windowDays"]) });
        return form.WithBlankRows();
    }

    /// <summary>Drops empty rows, then adds a few so HR can add tiers, rules and limits.</summary>
    public PolicyForm WithBlankRows()
    {
        Tiers = [.. Tiers.Where(t => !t.IsBlank), .. Enumerable.Range(0, BlankRows).Select(_ => new TierRow())];
        CategoryRules = [.. CategoryRules.Where(r => !r.IsBlank), .. Enumerable.Range(0, BlankRows).Select(_ => new CategoryRow())];
        QuantityLimits = [.. QuantityLimits.Where(l => !l.IsBlank), .. Enumerable.Range(0, BlankRows).Select(_ => new LimitRow())];
        return this;
    }

    /// <summary>
    /// The document to send, or null when a field is not even a number (reported under its path).
    /// Every rule of the policy itself is left to the same validator as the API.
    /// </summary>
    public JsonObject? ToDocument(ModelStateDictionary errors)
    {
        var before = errors.ErrorCount;
        var document = new JsonObject
        {
            ["tiers"] = new JsonArray([.. Tiers.Where(t => !t.IsBlank).Select((t, i) => (JsonNode)Drop(new JsonObject
            {
                ["id"] = t.Id?.Trim() ?? "",
                ["percent"] = Dec(errors, $"document.tiers[{i}].percent", t.Percent, required: true),
                ["minGrade"] = Int(errors, $"document.tiers[{i}].minGrade", t.MinGrade),
                ["minTenureMonths"] = Int(errors, $"document.tiers[{i}].minTenureMonths", t.MinTenureMonths),
            }))]),
            ["probationDays"] = Int(errors, "document.probationDays", ProbationDays) ?? 0,
            ["categoryRules"] = new JsonArray([.. CategoryRules.Where(r => !r.IsBlank).Select((r, i) => (JsonNode)Drop(new JsonObject
            {
                ["category"] = r.Category?.Trim() ?? "",
                ["exclude"] = r.Exclude ? true : null,
                ["percent"] = Dec(errors, $"document.categoryRules[{i}].percent", r.Percent),
                ["maxPercent"] = Dec(errors, $"document.categoryRules[{i}].maxPercent", r.MaxPercent),
            }))]),
            ["minMarginPercent"] = Dec(errors, "document.minMarginPercent", MinMarginPercent) ?? "0",
            ["annualAllowance"] = Dec(errors, "document.annualAllowance", AnnualAllowance),
            ["quantityLimits"] = new JsonArray([.. QuantityLimits.Where(l => !l.IsBlank).Select((l, i) => (JsonNode)new JsonObject
            {
                ["sku"] = l.Sku?.Trim() ?? "",
                ["maxUnits"] = Int(errors, $"document.quantityLimits[{i}].maxUnits", l.MaxUnits) ?? 0,
                ["windowDays"] = Int(errors, $"document.quantityLimits[{i}].windowDays", l.WindowDays) ?? 0,
            })]),
            ["promotionStacking"] = PromotionStacking,
            ["rounding"] = Rounding,
        };
        return errors.ErrorCount > before ? null : document;
    }

    private static JsonObject Drop(JsonObject node)
    {
        foreach (var empty in node.Where(p => p.Value is null).Select(p => p.Key).ToList())
            node.Remove(empty);
        return node;
    }

    private static string? Dec(ModelStateDictionary errors, string path, string? text, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors.AddModelError(path, "Required.");
            return null;
        }

        if (InternalStore.Pricing.InvariantNumbers.TryParseDecimal(text, out var value))
            return value.ToString(CultureInfo.InvariantCulture);
        errors.AddModelError(path, $"'{text}' is not a number.");
        return null;
    }

    private static int? Int(ModelStateDictionary errors, string path, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (InternalStore.Pricing.InvariantNumbers.TryParseInt(text, out var value))
            return value;
        errors.AddModelError(path, $"'{text}' is not a whole number.");
        return null;
    }

    private static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);
}
