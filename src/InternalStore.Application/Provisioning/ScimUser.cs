using System.Globalization;
using System.Text.Json.Nodes;
using InternalStore.Domain.People;

namespace InternalStore.Application.Provisioning;

/// <summary>
/// What an identity provider says about a person, read from a SCIM user. Attributes the store does not
/// keep (title, phone numbers, addresses, manager...) are accepted and ignored. The store's own
/// attributes an identity provider rarely sends (department, organization, grade, hire date) keep
/// their stored value when a request does not assert them (RFC 7644 §3.5.1 lets a PUT leave them so).
/// </summary>
public sealed record ScimUserInput(
    string UserName,
    string? ExternalId,
    string Name,
    string? GivenName,
    string? FamilyName,
    string Email,
    bool Active,
    string? EmployeeNumber,
    Asserted<string?> Department,
    string? Organization,
    int? Grade,
    DateOnly? HireDate,
    DateOnly? TerminationDate);

/// <summary>A value a request may leave out (<see cref="IsAsserted"/> false) or set, to null included.</summary>
public readonly record struct Asserted<T>(bool IsAsserted, T Value);

public static class ScimUser
{
    public const int MaxUserNameLength = 320;

    /// <summary>The SCIM representation of an employee the identity provider provisions.</summary>
    public static JsonObject ToResource(Employee employee, string baseUrl)
    {
        var name = new JsonObject { ["formatted"] = employee.Name };
        if (employee.GivenName is not null)
            name["givenName"] = employee.GivenName;
        if (employee.FamilyName is not null)
            name["familyName"] = employee.FamilyName;
        var enterprise = new JsonObject { ["employeeNumber"] = employee.Id, ["organization"] = employee.CompanyCode };
        if (employee.CostCenterCode is not null)
            enterprise["department"] = employee.CostCenterCode;
        var store = new JsonObject
        {
            ["grade"] = employee.Grade,
            ["hireDate"] = employee.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (employee.TerminationDate is { } left)
            store["terminationDate"] = left.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var resource = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.User, ScimSchemas.EnterpriseUser, ScimSchemas.EmployeeUser),
            ["id"] = employee.Id,
        };
        if (employee.ExternalId is not null)
            resource["externalId"] = employee.ExternalId;
        resource["userName"] = employee.UserName;
        resource["name"] = name;
        resource["displayName"] = employee.Name;
        resource["emails"] = new JsonArray(new JsonObject { ["value"] = employee.Email, ["type"] = "work", ["primary"] = true });
        resource["active"] = employee.Status == EmploymentStatus.Active;
        resource[ScimSchemas.EnterpriseUser] = enterprise;
        resource[ScimSchemas.EmployeeUser] = store;
        resource["meta"] = new JsonObject
        {
            ["resourceType"] = "User",
            ["location"] = $"{baseUrl}/Users/{Uri.EscapeDataString(employee.Id)}",
        };
        return resource;
    }

    /// <summary>Reads a user resource (a POST or PUT body, or a patched representation); a field that cannot be read is a 400 naming it.</summary>
    public static ScimUserInput Read(JsonObject resource)
    {
        var userName = ScimJson.String(resource, "userName", "userName");
        if (string.IsNullOrWhiteSpace(userName))
            throw ScimJson.Invalid("userName", "userName is required: it is how the identity provider and the store know the person.");
        if (userName.Length > MaxUserNameLength)
            throw ScimJson.Invalid("userName", $"userName has at most {MaxUserNameLength} characters.");
        var externalId = ScimJson.String(resource, "externalId", "externalId");
        if (externalId is { Length: > 200 })
            throw ScimJson.Invalid("externalId", "externalId has at most 200 characters.");

        var name = ScimJson.Object(resource, "name", "name");
        var given = name is null ? null : ScimJson.String(name, "givenName", "name.givenName");
        var family = name is null ? null : ScimJson.String(name, "familyName", "name.familyName");
        var formatted = name is null ? null : ScimJson.String(name, "formatted", "name.formatted");
        var composed = string.Join(' ', new[] { given, family }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        var displayName = new[] { ScimJson.String(resource, "displayName", "displayName"), formatted, composed, userName }
            .First(n => !string.IsNullOrWhiteSpace(n))!.Trim();
        if (displayName.Length > 200)
            throw ScimJson.Invalid("displayName", "displayName has at most 200 characters.");

        var email = PrimaryEmail(resource) ?? (userName.Contains('@', StringComparison.Ordinal) ? userName.Trim() : null)
            ?? throw ScimJson.Invalid("emails", "An email is required (emails[].value), or a userName that is one.");

        var enterprise = ScimJson.Object(resource, ScimSchemas.EnterpriseUser, ScimSchemas.EnterpriseUser);
        var store = ScimJson.Object(resource, ScimSchemas.EmployeeUser, ScimSchemas.EmployeeUser);
        var department = enterprise is not null && ScimJson.Has(enterprise, "department")
            ? new Asserted<string?>(true, Blank(ScimJson.String(enterprise, "department", "department")))
            : default;
        var grade = store is null ? null : ScimJson.Integer(store, "grade", "grade");
        if (grade is < 0 or > 100)
            throw ScimJson.Invalid("grade", "grade is between 0 and 100.");

        return new ScimUserInput(userName.Trim(), Blank(externalId), displayName, Blank(given), Blank(family), email,
            ScimJson.Boolean(resource, "active", "active") ?? true,
            Blank(enterprise is null ? null : ScimJson.String(enterprise, "employeeNumber", "employeeNumber")),
            department,
            Blank(enterprise is null ? null : ScimJson.String(enterprise, "organization", "organization")),
            grade,
            store is null ? null : ScimJson.Date(store, "hireDate", "hireDate"),
            store is null ? null : ScimJson.Date(store, "terminationDate", "terminationDate"));
    }

    /// <summary>The primary email, else the work one, else the first.</summary>
    private static string? PrimaryEmail(JsonObject resource)
    {
        var emails = ScimJson.Get(resource, "emails");
        if (emails is null)
            return null;
        if (emails is not JsonArray list)
            throw ScimJson.Invalid("emails", "emails is a list of { value, type, primary }.");
        var entries = list.Select(e => e as JsonObject ?? throw ScimJson.Invalid("emails", "emails is a list of { value, type, primary }."))
            .Where(e => !string.IsNullOrWhiteSpace(ScimJson.String(e, "value", "emails.value")))
            .ToList();
        var chosen = entries.FirstOrDefault(e => ScimJson.Boolean(e, "primary", "emails.primary") == true)
                     ?? entries.FirstOrDefault(e => string.Equals(ScimJson.String(e, "type", "emails.type"), "work", StringComparison.OrdinalIgnoreCase))
                     ?? entries.FirstOrDefault();
        return chosen is null ? null : ScimJson.String(chosen, "value", "emails.value")!.Trim();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
