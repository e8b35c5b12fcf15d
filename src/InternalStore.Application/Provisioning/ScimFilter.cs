using System.Text.RegularExpressions;
using InternalStore.Domain.Common;

namespace InternalStore.Application.Provisioning;

/// <summary>What a list of users is filtered by: <c>userName</c>, <c>externalId</c> or <c>id</c>.</summary>
public enum ScimFilterField
{
    UserName,
    ExternalId,
    Id,
}

/// <summary>
/// The filters identity providers send to find a person before they create one (RFC 7644 §3.4.2.2):
/// <c>userName eq "…"</c>, <c>externalId eq "…"</c>, <c>id eq "…"</c>; the attribute may carry the core
/// schema's URN. Anything else is a 400 <c>invalidFilter</c> that says what is supported.
/// </summary>
public sealed partial record ScimFilter(ScimFilterField Attribute, string Value)
{
    public static ScimFilter? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
            throw Unsupported(text);
        var attribute = match.Groups["attr"].Value;
        if (attribute.StartsWith(ScimSchemas.User + ":", StringComparison.OrdinalIgnoreCase))
            attribute = attribute[(ScimSchemas.User.Length + 1)..];
        var known = attribute.ToLowerInvariant() switch
        {
            "username" => ScimFilterField.UserName,
            "externalid" => ScimFilterField.ExternalId,
            "id" => ScimFilterField.Id,
            _ => throw Unsupported(text),
        };
        return new ScimFilter(known, match.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
    }

    private static DomainValidationException Unsupported(string text) => new(ScimErrors.InvalidFilter, "filter",
        $"'{(text.Length > 80 ? text[..80] + "..." : text)}' is not a filter this store supports: userName, externalId or id, eq, a quoted string; e.g. userName eq \"ada@example.com\".");

    [GeneratedRegex("""^(?<attr>[A-Za-z][A-Za-z0-9:._-]*)\s+eq\s+"(?<value>(?:[^"\\]|\\.)*)"$""", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
