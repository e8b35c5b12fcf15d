namespace InternalStore.Application.Common;

/// <summary>The same idempotency key was used with a different request (HTTP 422).</summary>
public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"The idempotency key '{key}' was already used with a different request.")
{
    public string Key { get; } = key;
}
