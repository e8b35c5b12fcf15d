using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;
using InternalStore.Application.Common;
using InternalStore.Pricing;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Policies;

/// <summary>Reads, checks and compares policy documents.</summary>
public sealed class PolicyDocument(IStoreDb db)
{
    /// <summary>
    /// Parses and checks a document against the policy rules and the catalog. Returns it in the
    /// canonical form that is stored; throws a validation error naming each broken rule.
    /// </summary>
    public async Task<string> CanonicalAsync(JsonObject document, CancellationToken cancellationToken)
    {
        DiscountPolicy policy;
        try
        {
            policy = DiscountPolicyJson.Read(document);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new ValidationException([new ValidationFailure("document", $"Not a policy document: {ex.Message}")]);
        }

        var failures = await CheckAsync(policy, cancellationToken);
        if (failures.Count > 0)
            throw new ValidationException(failures);
        return DiscountPolicyJson.Write(policy).ToJsonString();
    }

    public static JsonObject ToJson(string canonical) => (JsonObject)JsonNode.Parse(canonical)!;

    private async Task<List<ValidationFailure>> CheckAsync(DiscountPolicy policy, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        void Fail(string field, string message) => failures.Add(new ValidationFailure("document." + field, message));
        static bool IsPercent(decimal value) => value is >= 0m and <= 100m;

        for (var i = 0; i < policy.Tiers.Count; i++)
        {
            var tier = policy.Tiers[i];
            if (string.IsNullOrWhiteSpace(tier.Id))
                Fail($"tiers[{i}].id", "A tier needs an id.");
            if (!IsPercent(tier.Percent))
                Fail($"tiers[{i}].percent", $"Tier {tier.Id}: a percent is between 0 and 100, not {tier.Percent}.");
            if (tier.MinGrade < 0 || tier.MinTenureMonths < 0)
                Fail($"tiers[{i}]", $"Tier {tier.Id}: grade and tenure conditions cannot be negative.");
            for (var j = 0; j < i; j++)
            {
                var earlier = policy.Tiers[j];
                if (earlier.Id == tier.Id)
                    Fail($"tiers[{i}].id", $"Tier id '{tier.Id}' is used twice.");
                else if (Covers(earlier, tier))
                    Fail($"tiers[{i}]", $"Tier {tier.Id} is unreachable: everyone it matches already matches tier {earlier.Id}, which comes first.");
            }
        }

        if (policy.ProbationDays is < 0 or > 3650)
            Fail("probationDays", "Probation is 0 to 3650 days.");

        var categories = await db.Products.Select(p => p.Category).Distinct().ToListAsync(cancellationToken);
        var seenCategories = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.CategoryRules.Count; i++)
        {
            var rule = policy.CategoryRules[i];
            if (!categories.Contains(rule.Category))
                Fail($"categoryRules[{i}].category", $"Category '{rule.Category}' is not in the catalog.");
            if (!seenCategories.Add(rule.Category))
                Fail($"categoryRules[{i}].category", $"Category '{rule.Category}' already has a rule; only the first applies.");
            if (rule.Percent is { } percent && !IsPercent(percent))
                Fail($"categoryRules[{i}].percent", $"A percent is between 0 and 100, not {percent}.");
            if (rule.MaxPercent is { } max && !IsPercent(max))
                Fail($"categoryRules[{i}].maxPercent", $"A percent is between 0 and 100, not {max}.");
            if (!rule.Exclude && rule.Percent is null && rule.MaxPercent is null)
                Fail($"categoryRules[{i}]", $"The rule for '{rule.Category}' does nothing: give exclude, percent or maxPercent.");
        }

        if (policy.MinMarginPercent is < 0m or > 1000m)
            Fail("minMarginPercent", "The minimum margin is 0 to 1000 percent.");
        if (policy.AnnualAllowance < 0m)
            Fail("annualAllowance", "The annual allowance cannot be negative.");

        var limitSkus = policy.QuantityLimits.Select(l => l.Sku).Distinct().ToList();
        var knownSkus = await db.Products.Where(p => limitSkus.Contains(p.Sku)).Select(p => p.Sku).ToListAsync(cancellationToken);
        for (var i = 0; i < policy.QuantityLimits.Count; i++)
        {
            var limit = policy.QuantityLimits[i];
            if (!knownSkus.Contains(limit.Sku))
                Fail($"quantityLimits[{i}].sku", $"SKU '{limit.Sku}' is not in the catalog.");
            if (limit.MaxUnits < 0)
                Fail($"quantityLimits[{i}].maxUnits", "A limit allows 0 or more units.");
            if (limit.WindowDays < 1)
                Fail($"quantityLimits[{i}].windowDays", "A limit's window is at least 1 day.");
        }

        return failures;
    }

    /// <summary>True when every employee that <paramref name="later"/> matches is matched by <paramref name="earlier"/>.</summary>
    private static bool Covers(Tier earlier, Tier later) =>
        (earlier.MinGrade is null || (later.MinGrade is { } grade && grade >= earlier.MinGrade))
        && (earlier.MinTenureMonths is null || (later.MinTenureMonths is { } months && months >= earlier.MinTenureMonths));

    /// <summary>Every leaf of a document by its path, e.g. <c>tiers[0].percent</c> -> <c>30</c>.</summary>
    public static Dictionary<string, string?> Flatten(string json)
    {
        var leaves = new Dictionary<string, string?>(StringComparer.Ordinal);
        Walk(JsonNode.Parse(json), "", leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string?> leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", leaves);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Walk(array[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), leaves);
                break;
            case null:
                leaves[path] = null;
                break;
            default:
                leaves[path] = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
                break;
        }
    }
}
