using System.Text.Json.Nodes;
using InternalStore.Application.Provisioning;

namespace InternalStore.Api.Scim;

/// <summary>
/// The service provider's self-description (RFC 7644 §4, RFC 7643 §5-7): what the store supports,
/// its one resource type, and the attributes of each schema it reads and answers.
/// </summary>
public static class ScimDiscovery
{
    public static JsonObject ServiceProviderConfig(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ServiceProviderConfig),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ListScimUsersQuery.MaxCount },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = false },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "SCIM token",
            ["description"] = "A per-company token: 'internalstore scim-token create --company CODE', or HR's console page Provisioning (/console/hr/provisioning).",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = $"{baseUrl}/ServiceProviderConfig" },
    };

    public static JsonObject UserResourceType(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
        ["id"] = "User",
        ["name"] = "User",
        ["endpoint"] = "/Users",
        ["description"] = "An employee of a company the token provisions.",
        ["schema"] = ScimSchemas.User,
        ["schemaExtensions"] = new JsonArray(
            new JsonObject { ["schema"] = ScimSchemas.EnterpriseUser, ["required"] = false },
            new JsonObject { ["schema"] = ScimSchemas.EmployeeUser, ["required"] = false }),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = $"{baseUrl}/ResourceTypes/User" },
    };

    public static IReadOnlyList<JsonObject> Schemas(string baseUrl) =>
    [
        Schema(baseUrl, ScimSchemas.User, "User", "The person as the identity provider knows them.",
            Attribute("userName", "string", "The sign-in name; unique in the store, regardless of case.", required: true, uniqueness: "server"),
            Attribute("externalId", "string", "The identity provider's id of the person.", caseExact: true),
            Attribute("name", "complex", "The parts of the name; the store shows displayName, or these joined.",
                sub: [Attribute("formatted", "string", "The full name."), Attribute("givenName", "string", "Given name."),
                    Attribute("familyName", "string", "Family name.")]),
            Attribute("displayName", "string", "The name the store shows."),
            Attribute("emails", "complex", "The primary (else the work, else the first) is the employee's email.", multiValued: true,
                sub: [Attribute("value", "string", "The address."), Attribute("type", "string", "work, home, other."),
                    Attribute("primary", "boolean", "The one the store uses.")]),
            Attribute("active", "boolean", "false: the person leaves (their next quote is at list price; subscriptions end with their final pay); true again: rehired.")),
        Schema(baseUrl, ScimSchemas.EnterpriseUser, "EnterpriseUser", "The employment the store prices by.",
            Attribute("employeeNumber", "string", "The employee id (payroll's key); required to create, immutable after.", required: true,
                mutability: "immutable", uniqueness: "server", caseExact: true),
            Attribute("department", "string", "The cost centre, by its code or its name, of the person's company."),
            Attribute("organization", "string", "The company, by its code or its name; the token's company if absent. A move between companies is HR's.")),
        Schema(baseUrl, ScimSchemas.EmployeeUser, "EmployeeUser", "What SCIM has no attribute for: the store's grade and employment dates.",
            Attribute("grade", "integer", "The grade the discount tiers by, 0-100; 0 when a new person has none."),
            Attribute("hireDate", "string", "YYYY-MM-DD; tenure counts from it; the day of creation when a new person has none."),
            Attribute("terminationDate", "string", "YYYY-MM-DD: the last day, when active becomes false; today if absent.")),
    ];

    private static JsonObject Schema(string baseUrl, string id, string name, string description, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.Schema),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray(attributes.Cast<JsonNode>().ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{id}" },
    };

    private static JsonObject Attribute(string name, string type, string description, bool required = false, bool multiValued = false,
        string mutability = "readWrite", string uniqueness = "none", bool caseExact = false, JsonObject[]? sub = null)
    {
        var attribute = new JsonObject
        {
            ["name"] = name,
            ["type"] = type,
            ["multiValued"] = multiValued,
            ["description"] = description,
            ["required"] = required,
            ["caseExact"] = caseExact,
            ["mutability"] = mutability,
            ["returned"] = "default",
            ["uniqueness"] = uniqueness,
        };
        if (sub is not null)
            attribute["subAttributes"] = new JsonArray(sub.Cast<JsonNode>().ToArray());
        return attribute;
    }
}
