using System.Text.Json.Nodes;

namespace InternalStore.Application.Policies;

/// <summary>A policy version. <see cref="InForce"/>: this version is the one in force today for its company.</summary>
public sealed record PolicyVersionDto(
    Guid Id,
    string Company,
    int Version,
    string Name,
    string Status,
    DateOnly? EffectiveFrom,
    bool InForce,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    JsonObject Document);

public sealed record PolicyAuditDto(DateTimeOffset At, string By, string Action, string Field, string? Before, string? After);
