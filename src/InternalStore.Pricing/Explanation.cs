namespace InternalStore.Pricing;

/// <summary>What kind of rule a step of an explanation applied.</summary>
public enum StepKind
{
    /// <summary>The starting list price.</summary>
    ListPrice,

    /// <summary>Why the buyer is priced as they are (eligibility, probation, termination).</summary>
    Eligibility,

    /// <summary>The tier that gave the employee percent.</summary>
    Tier,

    /// <summary>A category rule or the item's employee-discount flag changed the employee percent.</summary>
    CategoryRule,

    /// <summary>A promotion, stacked with the employee percent.</summary>
    Promotion,

    /// <summary>The price was raised to the floor.</summary>
    Floor,

    /// <summary>Rounding to the currency's minor unit.</summary>
    Rounding,

    /// <summary>The employee price was lowered to what an external buyer pays.</summary>
    ExternalCap,

    /// <summary>Cost plus the department or intercompany markup.</summary>
    TransferMarkup,

    /// <summary>The transfer price was capped at the list price.</summary>
    ListCap,

    /// <summary>The line's benefit taken from the annual allowance (line amounts).</summary>
    Allowance,

    /// <summary>A quantity limit is exceeded: the line is priced but cannot be ordered.</summary>
    QuantityLimit,

    /// <summary>A standing negotiated agreement replaced the transfer price.</summary>
    Agreement,
}

/// <summary>One step of a line's explanation: which rule moved the amount from <see cref="Before"/> to <see cref="After"/>.</summary>
/// <param name="RuleId">The rule's id: a tier, category, promotion or limit id, or the name of a fixed step.</param>
/// <param name="Kind">What kind of rule it is.</param>
/// <param name="Before">Amount before the step (per unit; for the allowance, per line).</param>
/// <param name="After">Amount after the step.</param>
/// <param name="Note">The step in words.</param>
public readonly record struct ExplanationStep(string RuleId, StepKind Kind, decimal Before, decimal After, string Note);
