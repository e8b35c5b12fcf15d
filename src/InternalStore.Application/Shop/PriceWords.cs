using System.Globalization;
using System.Text.RegularExpressions;
using InternalStore.Application.Pricing;

namespace InternalStore.Application.Shop;

/// <summary>
/// A line's explanation (the API's steps) told to the buyer in plain words, one sentence per rule that
/// moved the price: "Your tier gives a 20 % staff discount.", "Electronics: the staff discount is capped
/// at 10 %.", "Raised to the floor: never below cost + 5 %." Rounding is left out; a cap reads as a cap.
/// </summary>
public static partial class PriceWords
{
    public static IReadOnlyList<string> Describe(IReadOnlyList<ExplanationStepDto> steps, decimal unitPrice, long quantity,
        decimal allowanceTaken, string currency)
    {
        var words = new List<string>();
        decimal list = 0;
        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case "listPrice":
                    list = step.Before;
                    words.Add($"List price {Money(step.Before, currency)}.");
                    break;
                case "eligibility":
                    words.Add(step.Note.StartsWith("Terminated", StringComparison.Ordinal)
                        ? "Your employment has ended, so you pay what an external customer pays."
                        : "You are in your probation period, so you pay what an external customer pays until it ends.");
                    break;
                case "tier" when step.RuleId == "no-tier":
                    words.Add("No discount tier applies to you, so there is no staff discount.");
                    break;
                case "tier":
                    words.Add($"Your tier ({step.RuleId}) gives a {Percent(step.Before, step.After)} staff discount.");
                    break;
                case "categoryRule" when step.RuleId == "employee-discount-off":
                    words.Add("This item is not part of the staff discount.");
                    break;
                case "categoryRule":
                    var category = step.RuleId.StartsWith("category:", StringComparison.Ordinal) ? step.RuleId[9..] : step.RuleId;
                    words.Add(step.Note.Contains("excluded", StringComparison.Ordinal)
                        ? $"{Capital(category)} is left out of the staff discount."
                        : step.Note.Contains("capped", StringComparison.Ordinal)
                            ? $"For {category} the staff discount is capped at {Percent(list, step.After)}."
                            : $"For {category} the staff discount is {Percent(list, step.After)}.");
                    break;
                case "promotion":
                case "negotiatedOffer":
                case "agreement":
                    words.Add(step.Note);
                    break;
                case "floor" when step.Note.Contains("negotiated", StringComparison.Ordinal):
                    words.Add(step.Note.Contains("standard price is lower", StringComparison.Ordinal)
                        ? $"The standard price, {Money(step.After, currency)}, applies: the cost has risen so far that the agreed price no longer holds."
                        : $"Raised to {Money(step.After, currency)}: the cost has risen, and a negotiated price never goes below cost + {PercentIn(step.Note)}.");
                    break;
                case "floor":
                    words.Add($"Raised to {Money(step.After, currency)}: never below cost + {PercentIn(step.Note)}.");
                    break;
                case "externalCap":
                    words.Add($"Lowered to {Money(step.After, currency)}, what an external customer pays today: you never pay more.");
                    break;
                case "transferMarkup":
                    words.Add($"Unit cost {Money(step.Before, currency)} plus the internal markup of {PercentIn(step.Note)}.");
                    break;
                case "listCap":
                    words.Add($"Capped at the list price, {Money(step.After, currency)}.");
                    break;
                case "quantityLimit":
                    words.Add(step.Note.Replace("the line is priced but cannot be ordered", "lower the quantity to order",
                        StringComparison.Ordinal));
                    break;
                case "allowance":
                    words.Add(Allowance(step, unitPrice, quantity, allowanceTaken, currency));
                    break;
            }
        }

        return words;
    }

    /// <summary>
    /// The sentence that says which part of a line is charged at the external price because the
    /// yearly allowance cannot cover its saving; null when it all fits (or nothing is capped).
    /// </summary>
    public static string? AllowanceShortfall(IReadOnlyList<ExplanationStepDto> steps, decimal unitPrice, long quantity,
        decimal allowanceTaken, string currency)
    {
        var step = steps.FirstOrDefault(s => s.Kind == "allowance");
        if (step is null || step.Note.Contains("no annual cap", StringComparison.Ordinal)
                         || step.Before - unitPrice * quantity - allowanceTaken <= 0)
            return null;
        return Allowance(step, unitPrice, quantity, allowanceTaken, currency);
    }

    /// <summary>
    /// The saving against the external price comes out of the yearly allowance; what does not fit is
    /// charged at the external price, and the sentence says how much that is.
    /// </summary>
    private static string Allowance(ExplanationStepDto step, decimal unitPrice, long quantity, decimal taken, string currency)
    {
        var saving = step.Before - unitPrice * quantity;
        if (step.Note.Contains("no annual cap", StringComparison.Ordinal))
            return $"You save {Money(saving, currency)} against the external price; your policy has no yearly cap.";
        var overCap = saving - taken;
        if (overCap <= 0)
            return $"You save {Money(saving, currency)} against the external price, taken from your yearly allowance.";
        return taken == 0
            ? $"Your yearly allowance is used up, so this line is charged at the external price ({Money(step.Before, currency)}): {Money(overCap, currency)} more than your staff price."
            : $"Only {Money(taken, currency)} of the {Money(saving, currency)} saving fits in what is left of your yearly allowance: {Money(overCap, currency)} of this line is charged at the external price.";
    }

    public static string Money(decimal amount, string currency) =>
        amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " " + currency;

    private static string Percent(decimal before, decimal after) =>
        before == 0 ? "0 %" : Math.Round((before - after) / before * 100m, 2).ToString("0.##", CultureInfo.InvariantCulture) + " %";

    private static string PercentIn(string note) => PercentPattern().Match(note) is { Success: true } m ? m.Value : "its margin";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"\d+(\.\d+)? %")]
    private static partial Regex PercentPattern();
}
