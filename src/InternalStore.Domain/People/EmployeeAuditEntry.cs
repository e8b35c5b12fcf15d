namespace InternalStore.Domain.People;

/// <summary>One field of an employee record changed by someone at some time.</summary>
public sealed class EmployeeAuditEntry
{
    private EmployeeAuditEntry()
    {
        EmployeeId = By = Field = string.Empty;
    }

    public EmployeeAuditEntry(string employeeId, DateTimeOffset at, string by, string field, string? before, string? after)
    {
        EmployeeId = employeeId;
        At = at;
        By = by;
        Field = field;
        Before = before;
        After = after;
    }

    public long Id { get; private set; }
    public string EmployeeId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string By { get; private set; }
    public string Field { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
}
