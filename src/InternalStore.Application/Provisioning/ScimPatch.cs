using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InternalStore.Domain.Common;

namespace InternalStore.Application.Provisioning;

/// <summary>
/// Applies a SCIM PatchOp (RFC 7644 §3.5.2) to a user's representation; the result is then read like a
/// PUT, so a patch obeys every rule a replacement does. Accepts what Okta and Microsoft Entra send:
/// operation names in any case; a value object without a path (<c>{"op":"replace","value":{"active":false}}</c>),
/// whose keys may be extension URNs or URN-qualified attributes; paths such as <c>name.givenName</c>,
/// <c>emails[type eq "work"].value</c> (which adds the entry when none matches, as Entra expects) and
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department</c>; booleans as "True"/"False".
/// </summary>
public static partial class ScimPatch
{
    private const int MaxOperations = 100;

    public static void Apply(JsonObject resource, JsonObject patch)
    {
        var schemas = ScimJson.Get(patch, "schemas") as JsonArray;
        if (schemas is null || !schemas.Any(s => s is JsonValue v && v.GetValueKind() == JsonValueKind.String
                                                  && v.GetValue<string>() == ScimSchemas.PatchOp))
            throw new DomainValidationException(ScimErrors.InvalidSyntax, "schemas", $"A patch names the schema {ScimSchemas.PatchOp}.");
        if (ScimJson.Get(patch, "Operations") is not JsonArray operations || operations.Count == 0)
            throw new DomainValidationException(ScimErrors.InvalidSyntax, "Operations", "A patch has a non-empty list of Operations.");
        if (operations.Count > MaxOperations)
            throw new DomainValidationException(ScimErrors.TooMany, "Operations", $"A patch has at most {MaxOperations} operations.");

        var renamed = false;
        var named = false;
        foreach (var (node, index) in operations.Select((o, i) => (o, i)))
        {
            var field = $"Operations[{index}]";
            if (node is not JsonObject operation)
                throw new DomainValidationException(ScimErrors.InvalidSyntax, field, "An operation is an object { op, path, value }.");
            var op = ScimJson.String(operation, "op", $"{field}.op")?.ToLowerInvariant();
            if (op is not ("add" or "replace" or "remove"))
                throw new DomainValidationException(ScimErrors.InvalidSyntax, $"{field}.op", "op is add, replace or remove.");
            var path = ScimJson.String(operation, "path", $"{field}.path");
            var value = ScimJson.Get(operation, "value")?.DeepClone();
            if (string.IsNullOrWhiteSpace(path))
            {
                if (op == "remove")
                    throw new DomainValidationException(ScimErrors.NoTarget, $"{field}.path", "A remove names its path.");
                if (value is not JsonObject attributes)
                    throw new DomainValidationException(ScimErrors.InvalidValue, $"{field}.value", "An operation without a path has an object value.");
                foreach (var (key, attribute) in attributes.ToList())
                {
                    if (ScimSchemas.Extensions.FirstOrDefault(s => string.Equals(s, key, StringComparison.OrdinalIgnoreCase)) is { } schema
                        && attribute is JsonObject extension)
                    {
                        foreach (var (subKey, subValue) in extension.ToList())
                            Track(ApplyPath(resource, op, $"{schema}:{subKey}", subValue?.DeepClone(), field));
                    }
                    else
                    {
                        Track(ApplyPath(resource, op, key, attribute?.DeepClone(), field));
                    }
                }
            }
            else
            {
                Track(ApplyPath(resource, op, path, value, field));
            }
        }

        // The store's name is the display name; a patch of its parts alone composes it again from them.
        if (renamed && !named)
        {
            ScimJson.Remove(resource, "displayName");
            if (ScimJson.Get(resource, "name") is JsonObject name)
                ScimJson.Remove(name, "formatted");
        }

        void Track(string attribute)
        {
            if (attribute is "displayname" or "name.formatted")
                named = true;
            else if (attribute.StartsWith("name", StringComparison.Ordinal))
                renamed = true;
        }
    }

    /// <summary>Applies one operation; returns the attribute it touched (lower case, without its schema) for <see cref="Apply"/>.</summary>
    private static string ApplyPath(JsonObject resource, string op, string path, JsonNode? value, string field)
    {
        var (container, attributePath) = Locate(resource, path.Trim(), op != "remove", field);
        if (container is null)
            return attributePath.ToLowerInvariant();
        var match = PathPattern().Match(attributePath);
        if (!match.Success)
            throw new DomainValidationException(ScimErrors.InvalidPath, $"{field}.path", $"'{path}' is not a path this store understands.");
        var attribute = match.Groups["attr"].Value;
        var sub = match.Groups["sub"].Success ? match.Groups["sub"].Value : null;
        var touched = (sub is null ? attribute : $"{attribute}.{sub}").ToLowerInvariant();

        if (match.Groups["filter"].Success)
        {
            ApplyFiltered(container, op, attribute, match.Groups["fattr"].Value, match.Groups["fvalue"].Value, sub, value, field);
            return touched;
        }

        if (sub is not null)
        {
            var parent = ScimJson.Get(container, attribute) as JsonObject;
            if (parent is null)
            {
                if (op == "remove")
                    return touched;
                parent = new JsonObject();
                ScimJson.Set(container, attribute, parent);
            }

            if (op == "remove")
                ScimJson.Remove(parent, sub);
            else
                ScimJson.Set(parent, sub, value);
            return touched;
        }

        if (op == "remove")
        {
            ScimJson.Remove(container, attribute);
            return touched;
        }

        var current = ScimJson.Get(container, attribute);
        switch (current, value)
        {
            case (JsonObject existing, JsonObject incoming):
                foreach (var (key, item) in incoming.ToList())
                    ScimJson.Set(existing, key, item?.DeepClone());
                break;
            case (JsonArray list, JsonArray items) when op == "add":
                foreach (var item in items)
                    list.Add(item?.DeepClone());
                break;
            default:
                ScimJson.Set(container, attribute, value);
                break;
        }

        return touched;
    }

    /// <summary>The object a path lands in: the resource, or the extension its URN names; null for an attribute of a schema the store does not keep.</summary>
    private static (JsonObject? Container, string AttributePath) Locate(JsonObject resource, string path, bool create, string field)
    {
        if (!path.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
            return (resource, path);
        var schema = ScimSchemas.OfUser.FirstOrDefault(s => path.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase));
        if (schema is null)
            return (null, path); // another provider's extension: nothing the store keeps
        var rest = path[(schema.Length + 1)..];
        if (rest.Length == 0)
            throw new DomainValidationException(ScimErrors.InvalidPath, $"{field}.path", $"'{path}' names no attribute.");
        if (schema == ScimSchemas.User)
            return (resource, rest);
        if (ScimJson.Get(resource, schema) is JsonObject extension)
            return (extension, rest);
        if (!create)
            return (null, rest);
        extension = new JsonObject();
        ScimJson.Set(resource, schema, extension);
        return (extension, rest);
    }

    private static void ApplyFiltered(JsonObject container, string op, string attribute, string filterAttribute, string filterValue,
        string? sub, JsonNode? value, string field)
    {
        var list = ScimJson.Get(container, attribute) as JsonArray;
        var matches = list?.OfType<JsonObject>()
            .Where(e => ScimJson.Get(e, filterAttribute) is JsonValue v && v.GetValueKind() == JsonValueKind.String
                        && string.Equals(v.GetValue<string>(), filterValue, StringComparison.OrdinalIgnoreCase))
            .ToList() ?? [];
        if (op == "remove")
        {
            foreach (var entry in matches)
            {
                if (sub is null)
                    list!.Remove(entry);
                else
                    ScimJson.Remove(entry, sub);
            }

            return;
        }

        if (matches.Count == 0)
        {
            if (list is null)
            {
                list = [];
                ScimJson.Set(container, attribute, list);
            }

            var entry = new JsonObject { [filterAttribute] = filterValue };
            list.Add(entry);
            matches.Add(entry);
        }

        foreach (var entry in matches)
        {
            if (sub is not null)
                ScimJson.Set(entry, sub, value?.DeepClone());
            else if (value is JsonObject incoming)
                foreach (var (key, item) in incoming.ToList())
                    ScimJson.Set(entry, key, item?.DeepClone());
            else
                throw new DomainValidationException(ScimErrors.InvalidValue, $"{field}.value", $"The entries of {attribute} are objects.");
        }
    }

    // attr, attr.sub, attr[fattr eq "value"], attr[fattr eq "value"].sub
    [GeneratedRegex("""^(?<attr>[A-Za-z][A-Za-z0-9_$-]*)(?:\[\s*(?<filter>(?<fattr>[A-Za-z][A-Za-z0-9_$-]*)\s+eq\s+"(?<fvalue>(?:[^"\\]|\\.)*)")\s*\])?(?:\.(?<sub>[A-Za-z][A-Za-z0-9_$-]*))?$""",
        RegexOptions.IgnoreCase)]
    private static partial Regex PathPattern();
}
