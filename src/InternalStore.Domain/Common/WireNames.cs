namespace InternalStore.Domain.Common;

/// <summary>
/// How an enum value is written on the wire (JSON, query strings, CSV, audit): its name in camelCase
/// (<c>awaitingPayment</c>, <c>card</c>, <c>service</c>). One helper for writing and reading, so a
/// validator accepts exactly what an answer shows, and a number ("1") is never read as a value.
/// </summary>
public static class WireNames
{
    public static string WireName<T>(this T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The value whose wire name this is (case-insensitive); false for anything else, numbers included.</summary>
    public static bool TryParseWire<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.WireName(), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Every wire name of the enum, for messages such as "status is one of ...".</summary>
    public static string All<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => v.WireName()));
}
