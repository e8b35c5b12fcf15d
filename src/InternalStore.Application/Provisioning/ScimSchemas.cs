namespace InternalStore.Application.Provisioning;

/// <summary>The schema URNs of SCIM 2.0 (RFC 7643, RFC 7644) and the store's own extension.</summary>
public static class ScimSchemas
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>What SCIM has no attribute for and the store needs: the grade that tiers the discount, and the employment dates.</summary>
    public const string EmployeeUser = "urn:internalstore:params:scim:schemas:extension:employee:1.0:User";

    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    /// <summary>The schemas a user resource may carry, longest first (a path names its schema by prefix).</summary>
    public static readonly IReadOnlyList<string> OfUser = [EmployeeUser, EnterpriseUser, User];

    public static readonly IReadOnlyList<string> Extensions = [EnterpriseUser, EmployeeUser];
}

/// <summary>
/// SCIM's error types (RFC 7644 §3.12), carried as the <c>code</c> of the store's errors so the SCIM
/// endpoints answer them as <c>scimType</c>.
/// </summary>
public static class ScimErrors
{
    public const string InvalidFilter = "invalidFilter";
    public const string InvalidSyntax = "invalidSyntax";
    public const string InvalidPath = "invalidPath";
    public const string NoTarget = "noTarget";
    public const string InvalidValue = "invalidValue";
    public const string Mutability = "mutability";
    public const string Uniqueness = "uniqueness";
    public const string TooMany = "tooMany";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { InvalidFilter, InvalidSyntax, InvalidPath, NoTarget, InvalidValue, Mutability, Uniqueness, TooMany };
}
