using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InternalStore.Pricing;

/// <summary>One case of a file in the pricing-vectors format: the inputs of a quote and, optionally, what it should give.</summary>
/// <param name="Name">The case's name.</param>
/// <param name="Request">The quote's inputs.</param>
/// <param name="Expected">The expected result as written in the file, if any.</param>
public sealed record PricingCase(string Name, PricingRequest Request, JsonNode? Expected);

/// <summary>
/// Reads and writes the pricing-vectors JSON format (amounts and percents as strings, read as
/// <see cref="decimal"/>), so that any tool can price a file of cases and compare with its
/// <c>expected</c> results.
/// </summary>
public static class PricingCaseFile
{
    /// <summary>Parses a JSON array of cases.</summary>
    /// <exception cref="FormatException">The JSON is not in the format; the message names the case and field.</exception>
    public static IReadOnlyList<PricingCase> Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not valid JSON: {ex.Message}", ex);
        }

        if (root is not JsonArray cases)
            throw new FormatException("A case file is a JSON array of cases.");
        return cases.Select((node, index) => ParseCase(node as JsonObject
            ?? throw new FormatException($"Case {index} is not an object."), index)).ToList();
    }

    /// <summary>Writes a result in the shape of a case's <c>expected</c>: amounts as strings at the currency's precision.</summary>
    public static JsonObject ToExpectedShape(PricingResult result)
    {
        if (!result.IsSuccess)
            return new JsonObject { ["error"] = result.Error.Code };

        var quote = result.Quote;
        string Money(decimal amount) => Currencies.ToMinorUnitScale(amount, quote.Currency).ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["lines"] = new JsonArray(quote.Lines.Select(l => (JsonNode)new JsonObject
            {
                ["sku"] = l.Sku,
                ["unitPrice"] = Money(l.UnitPrice),
                ["lineTotal"] = Money(l.LineTotal),
                ["discount"] = Money(l.Discount),
            }).ToArray()),
            ["subtotal"] = Money(quote.Subtotal),
            ["discountTotal"] = Money(quote.DiscountTotal),
            ["allowanceConsumed"] = Money(quote.AllowanceConsumed),
            ["violations"] = new JsonArray(quote.Violations.Select(v => (JsonNode)new JsonObject
            {
                ["sku"] = v.Sku,
                ["rule"] = v.Rule,
                ["remaining"] = v.Remaining,
            }).ToArray()),
        };
    }

    /// <summary>
    /// Differences between an actual and an expected result, amounts compared as decimals
    /// (<c>"12.50"</c> equals <c>12.5</c>). Empty when they agree.
    /// </summary>
    public static IReadOnlyList<string> Compare(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        CompareNodes("$", expected, actual, differences);
        return differences;
    }

    private static void CompareNodes(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected)
        {
            case JsonObject e when actual is JsonObject a:
                foreach (var name in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                    CompareNodes($"{path}.{name}", e[name], a[name], differences);
                break;
            case JsonArray e when actual is JsonArray a:
                if (e.Count != a.Count)
                    differences.Add($"{path}: expected {e.Count} items, got {a.Count}");
                for (var i = 0; i < Math.Min(e.Count, a.Count); i++)
                    CompareNodes($"{path}[{i}]", e[i], a[i], differences);
                break;
            case JsonValue e when actual is JsonValue a:
                if (!SameValue(e, a))
                    differences.Add($"{path}: expected {e.ToJsonString()}, got {a.ToJsonString()}");
                break;
            default:
                if (expected?.ToJsonString() != actual?.ToJsonString())
                    differences.Add($"{path}: expected {expected?.ToJsonString() ?? "nothing"}, got {actual?.ToJsonString() ?? "nothing"}");
                break;
        }
    }

    private static bool SameValue(JsonValue expected, JsonValue actual)
    {
        if (AsDecimal(expected) is { } e && AsDecimal(actual) is { } a)
            return e == a;
        return expected.ToJsonString() == actual.ToJsonString();
    }

    private static decimal? AsDecimal(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.Number => decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
        JsonValueKind.String => InvariantNumbers.TryParseDecimal(value.GetValue<string>(), out var d) ? d : null,
        _ => null,
    };

    private static PricingCase ParseCase(JsonObject c, int index)
    {
        var name = c["name"] is JsonValue named && named.GetValueKind() == JsonValueKind.String
            ? named.GetValue<string>()
            : $"case {index}";
        try
        {
            var catalog = new PricingCatalog(Array(c, "catalog").Select(i => new CatalogItem(
                Str(i, "sku"), Str(i, "category"), Dec(i, "listPrice"), Dec(i, "unitCost"),
                i["employeeDiscount"]?.GetValue<bool>() ?? true)));
            var rules = PricingRules.Create(DiscountPolicyJson.Read(Obj(c, "policy")),
                Array(c, "promotions").Select(ParsePromotion).ToList(), ParseTransferPricing(Obj(c, "transferPricing")));
            var lines = Array(c, "lines").Select(l => new CartLine(Str(l, "sku"), Quantity(l["quantity"]))).ToList();
            var request = new PricingRequest(rules, catalog, ParseBuyer(Obj(c, "buyer")), lines,
                Date(c, "asOf"), Str(c, "currency"));
            return new PricingCase(name, request, c["expected"]?.DeepClone());
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException
                                       or ArgumentException)
        {
            throw new FormatException($"Case '{name}': {ex.Message}", ex);
        }
    }

    private static Promotion ParsePromotion(JsonObject p) => new(
        Str(p, "id"), Dec(p, "percent"),
        Str(p, "audience") switch
        {
            "all" => PromotionAudience.All,
            "external" => PromotionAudience.External,
            "employee" => PromotionAudience.Employee,
            var other => throw new FormatException($"audience '{other}' is not all, external or employee."),
        },
        Date(p, "from"), Date(p, "to"), p["sku"]?.GetValue<string>(), p["category"]?.GetValue<string>());

    private static TransferPricing ParseTransferPricing(JsonObject t) => new(
        OptDec(t, "defaultMarkupPercent") ?? 0m,
        Array(t, "categoryMarkups").Select(m => new CategoryMarkup(Str(m, "category"), Dec(m, "markupPercent"))).ToList(),
        OptDec(t, "intercompanyMarkupPercent") ?? 0m);

    private static Buyer ParseBuyer(JsonObject b) => Str(b, "kind") switch
    {
        "external" => ExternalBuyer.Instance,
        "employee" => new EmployeeBuyer(
            OptInt(b, "grade") ?? 0,
            Date(b, "hireDate"),
            (b["status"]?.GetValue<string>() ?? "active") == "active" ? EmploymentStatus.Active : EmploymentStatus.Terminated,
            OptDec(b, "allowanceUsed") ?? 0m,
            Array(b, "purchases").Select(p => new PastPurchase(Str(p, "sku"), OptInt(p, "units") ?? 0, Date(p, "date"))).ToList()),
        "department" => new DepartmentBuyer(b["costCenter"]?.GetValue<string>() ?? "") { Agreements = ParseAgreements(b) },
        "affiliate" => new AffiliateBuyer(b["company"]?.GetValue<string>() ?? "") { Agreements = ParseAgreements(b) },
        var other => throw new FormatException($"buyer kind '{other}' is not external, employee, department or affiliate."),
    };

    /// <summary>An internal buyer's <c>agreements</c>: <c>{minimumMarkupPercent, prices: [{id, sku, unitPrice, from, to}]}</c>.</summary>
    private static AgreedPrices ParseAgreements(JsonObject b) => b["agreements"] is not JsonObject a ? AgreedPrices.None
        : new AgreedPrices(OptDec(a, "minimumMarkupPercent") ?? 0m, Array(a, "prices")
            .Select(p => new AgreedPrice(Str(p, "id"), Str(p, "sku"), Dec(p, "unitPrice"), Date(p, "from"), Date(p, "to"))).ToList());

    /// <summary>A quantity that is not a JSON integer reaches the engine as 0, which it refuses as invalid-quantity.</summary>
    private static long Quantity(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
        && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity)
            ? quantity
            : 0;

    internal static IEnumerable<JsonObject> Array(JsonObject o, string name) =>
        (o[name] as JsonArray)?.Select(n => n as JsonObject ?? throw new FormatException($"{name} holds a non-object.")) ?? [];

    internal static JsonObject Obj(JsonObject o, string name) =>
        o[name] as JsonObject ?? throw new FormatException($"'{name}' is missing or not an object.");

    internal static string Str(JsonObject o, string name) =>
        o[name]?.GetValue<string>() ?? throw new FormatException($"'{name}' is missing.");

    internal static decimal Dec(JsonObject o, string name) =>
        OptDec(o, name) ?? throw new FormatException($"'{name}' is missing.");

    internal static decimal? OptDec(JsonObject o, string name) => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String =>
            InvariantNumbers.TryParseDecimal(v.GetValue<string>(), out var d) ? d
            : throw new FormatException($"'{name}' is not a decimal number such as \"2.5\" (a point, no thousands separators): '{v.GetValue<string>()}'."),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number =>
            InvariantNumbers.TryParseJsonDecimal(v.ToJsonString(), out var d) ? d
            : throw new FormatException($"'{name}' is out of range: {v.ToJsonString()}."),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => throw new FormatException($"'{name}' is not a decimal."),
    };

    internal static int? OptInt(JsonObject o, string name) => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.String =>
            InvariantNumbers.TryParseInt(v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString(), out var i) ? i
            : throw new FormatException($"'{name}' is not a whole number from {int.MinValue} to {int.MaxValue}: {v.ToJsonString()}."),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => throw new FormatException($"'{name}' is not an integer."),
    };

    internal static DateOnly Date(JsonObject o, string name) =>
        DateOnly.ParseExact(Str(o, name), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
