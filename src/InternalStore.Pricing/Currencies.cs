namespace InternalStore.Pricing;

/// <summary>How a price is rounded to the currency's minor unit.</summary>
public enum RoundingMode
{
    /// <summary>Half away from zero (the default).</summary>
    HalfUp,

    /// <summary>Half to even (banker's rounding).</summary>
    HalfEven,
}

/// <summary>ISO 4217 currencies the engine can price in, with their minor units.</summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> MinorUnitsByCode = new(StringComparer.Ordinal)
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2,
        ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2, ["CZK"] = 2, ["MXN"] = 2, ["BRL"] = 2,
        ["INR"] = 2, ["CNY"] = 2, ["SGD"] = 2, ["HKD"] = 2, ["ZAR"] = 2,
        ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["JOD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    /// <summary>Every supported currency code.</summary>
    public static IReadOnlyCollection<string> Supported => MinorUnitsByCode.Keys;

    /// <summary>True when the engine knows the currency's minor unit.</summary>
    public static bool IsSupported(string? code) => code is not null && MinorUnitsByCode.ContainsKey(code);

    /// <summary>Finds the number of decimal places of the currency's minor unit.</summary>
    public static bool TryGetMinorUnits(string? code, out int minorUnits)
    {
        minorUnits = 0;
        return code is not null && MinorUnitsByCode.TryGetValue(code, out minorUnits);
    }

    /// <summary>The number of decimal places of the currency's minor unit.</summary>
    /// <exception cref="ArgumentException">The currency is not supported.</exception>
    public static int MinorUnits(string code) =>
        MinorUnitsByCode.TryGetValue(code, out var units)
            ? units
            : throw new ArgumentException($"Unsupported currency '{code}'.", nameof(code));

    /// <summary>10 to the power of the minor units: 100 for USD, 1 for JPY.</summary>
    internal static decimal Pow10(int minorUnits)
    {
        var scale = 1m;
        for (var i = 0; i < minorUnits; i++)
            scale *= 10m;
        return scale;
    }

    /// <summary>One minor unit of the currency as an amount: 0.01 for USD, 1 for JPY.</summary>
    /// <exception cref="ArgumentException">The currency is not supported.</exception>
    public static decimal MinorUnit(string code) => new(1, 0, 0, false, (byte)MinorUnits(code));

    /// <summary>The amount counted in minor units (12.34 USD is 1234), rounded half away from zero.</summary>
    /// <exception cref="ArgumentException">The currency is not supported.</exception>
    public static long ToMinorUnits(decimal amount, string currency) =>
        (long)decimal.Round(amount / MinorUnit(currency), MidpointRounding.AwayFromZero);

    /// <summary>Rounds an amount once to the currency's minor unit.</summary>
    public static decimal Round(decimal amount, string currency, RoundingMode mode = RoundingMode.HalfUp) =>
        Round(amount, MinorUnits(currency), mode);

    internal static decimal Round(decimal amount, int minorUnits, RoundingMode mode) =>
        amount.Scale <= minorUnits
            ? amount // already whole minor units: nothing to round (the common case for list prices)
            : Math.Round(amount, minorUnits, mode == RoundingMode.HalfEven ? MidpointRounding.ToEven : MidpointRounding.AwayFromZero);

    /// <summary>
    /// The amount written with exactly the currency's minor-unit precision (12.5 USD becomes 12.50),
    /// rounded half away from zero if it had more decimals.
    /// </summary>
    public static decimal ToMinorUnitScale(decimal amount, string currency)
    {
        var units = MinorUnits(currency);
        var zeroWithScale = new decimal(0, 0, 0, false, (byte)units);
        return Math.Round(amount, units, MidpointRounding.AwayFromZero) + zeroWithScale;
    }

    /// <summary>
    /// The amount without trailing zeros beyond the currency's minor unit, and with at least that
    /// many decimals: 1039.200000 USD is 1039.20, 13.125 stays 13.125. For intermediate amounts.
    /// </summary>
    public static decimal ToReadableScale(decimal amount, string currency)
    {
        var units = MinorUnits(currency);
        if (amount.Scale < units)
            return amount + new decimal(0, 0, 0, false, (byte)units);
        // Strip trailing zeros from the 96-bit mantissa (no decimal division: this runs for every
        // amount of every explanation step a quote shows).
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = amount.Scale;
        while (scale > units && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), amount < 0, scale);
    }

    /// <summary>True when the amount has no more decimals than the currency's minor unit allows.</summary>
    public static bool IsWholeMinorUnits(decimal amount, string currency) =>
        decimal.Round(amount, MinorUnits(currency)) == amount;
}
