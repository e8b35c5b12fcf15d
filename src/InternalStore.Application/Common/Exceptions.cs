namespace InternalStore.Application.Common;

/// <summary>The same idempotency key was used with a different request (HTTP 422).</summary>
public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"The idempotency key '{key}' was already used with a different request.")
{
    public string Key { get; } = key;
}

/// <summary>The caller is known but may not do this (HTTP 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
