namespace InternalStore.Domain.Pricing;

/// <summary>One field of a policy version changed by someone at some time.</summary>
public sealed class PolicyAuditEntry
{
    private PolicyAuditEntry()
    {
        By = Action = Field = string.Empty;
    }

    public PolicyAuditEntry(Guid policyId, DateTimeOffset at, string by, string action, string field, string? before,
        string? after)
    {
        PolicyId = policyId;
        At = at;
        By = by;
        Action = action;
        Field = field;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    public Guid PolicyId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; }

    /// <summary><c>created</c>, <c>revised</c> or <c>published</c>.</summary>
    public string Action { get; private set; }

    /// <summary>Path of the field, e.g. <c>document.tiers[0].percent</c>.</summary>
    public string Field { get; private set; }

    public string? Before { get; private set; }
    public string? After { get; private set; }
}
