using System.Globalization;

namespace InternalStore.Pricing;

/// <summary>
/// The one way numbers typed or sent as text are read, everywhere (policy documents, case files,
/// console forms): culture-invariant, a point as the decimal separator, no thousands separators, no
/// exponent, no spaces inside. "2,5" is refused, never read as 25; a value beyond the type's range is
/// refused, never an overflow.
/// </summary>
public static class InvariantNumbers
{
    private const NumberStyles DecimalText = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private const NumberStyles IntegerText = NumberStyles.AllowLeadingSign;

    /// <summary>Text such as <c>-2.5</c> as a decimal; false for anything else, or beyond decimal's range.</summary>
    public static bool TryParseDecimal(string? text, out decimal value)
    {
        value = 0m;
        return text is not null && decimal.TryParse(text.Trim(), DecimalText, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Text such as <c>-12</c> as an int; false for anything else, or beyond int's range.</summary>
    public static bool TryParseInt(string? text, out int value)
    {
        value = 0;
        return text is not null && int.TryParse(text.Trim(), IntegerText, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A JSON number's text (which may carry an exponent) as a decimal, if it fits one.</summary>
    public static bool TryParseJsonDecimal(string json, out decimal value) =>
        decimal.TryParse(json, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
