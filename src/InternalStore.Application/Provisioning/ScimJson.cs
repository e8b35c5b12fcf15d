using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InternalStore.Domain.Common;

namespace InternalStore.Application.Provisioning;

/// <summary>Reading SCIM JSON: attribute names are case-insensitive (RFC 7643 §2.1), and identity providers send booleans and numbers as strings.</summary>
internal static class ScimJson
{
    public static string? KeyOf(JsonObject node, string name) =>
        node.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    public static bool Has(JsonObject node, string name) => KeyOf(node, name) is not null;

    public static JsonNode? Get(JsonObject node, string name) => KeyOf(node, name) is { } key ? node[key] : null;

    public static void Set(JsonObject node, string name, JsonNode? value)
    {
        var key = KeyOf(node, name) ?? name;
        node[key] = value;
    }

    public static void Remove(JsonObject node, string name)
    {
        if (KeyOf(node, name) is { } key)
            node.Remove(key);
    }

    public static string? String(JsonObject node, string name, string field)
    {
        var value = Get(node, name);
        if (value is null)
            return null;
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            return v.GetValue<string>();
        if (value is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
            return n.ToJsonString();
        throw Invalid(field, $"{field} is a string.");
    }

    public static bool? Boolean(JsonObject node, string name, string field)
    {
        var value = Get(node, name);
        if (value is null)
            return null;
        if (value is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.String when bool.TryParse(v.GetValue<string>(), out var parsed): return parsed;
            }
        }

        throw Invalid(field, $"{field} is true or false.");
    }

    public static int? Integer(JsonObject node, string name, string field)
    {
        var value = Get(node, name);
        if (value is null)
            return null;
        if (value is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var number))
                return number;
            if (v.GetValueKind() == JsonValueKind.String
                && int.TryParse(v.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return parsed;
        }

        throw Invalid(field, $"{field} is a whole number.");
    }

    /// <summary>A date as YYYY-MM-DD or as SCIM's dateTime (whose date part counts).</summary>
    public static DateOnly? Date(JsonObject node, string name, string field)
    {
        var text = String(node, name, field);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment))
            return DateOnly.FromDateTime(moment.Date);
        throw Invalid(field, $"{field} is a date (YYYY-MM-DD) or a dateTime.");
    }

    public static JsonObject? Object(JsonObject node, string name, string field) => Get(node, name) switch
    {
        null => null,
        JsonObject o => o,
        _ => throw Invalid(field, $"{field} is an object."),
    };

    public static DomainValidationException Invalid(string field, string message) =>
        new(ScimErrors.InvalidValue, field, message);
}
