namespace InternalStore.Domain.Common;

/// <summary>A business rule refused a change. <see cref="Code"/> is the stable error code of docs/api.md.</summary>
public class ConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The input breaks a domain rule that validation could not see in advance (HTTP 400).</summary>
public class DomainValidationException(string code, string field, string message) : Exception(message)
{
    public string Code { get; } = code;
    public string Field { get; } = field;
}

/// <summary>The resource does not exist, or the caller may not see it (HTTP 404).</summary>
public class NotFoundException(string resource, string key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
    public string Key { get; } = key;
}

/// <summary>The caller is known but may not do this (HTTP 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
