using InternalStore.Domain.Common;

namespace InternalStore.Domain.Support;

public enum CaseState
{
    New,
    Open,

    /// <summary>Waiting on the requester: the targets' clock stops.</summary>
    Pending,

    /// <summary>Waiting inside the company (a supplier, another team): the clock runs on.</summary>
    OnHold,
    Solved,
    Closed,
}

/// <summary>A message on a case; an internal note is for staff only and never shown to the requester.</summary>
public sealed record CaseMessage(Guid Id, string Author, bool ByStaff, bool Internal, string Text, DateTimeOffset At);

/// <summary>Something of the requester's a case is about: an order, one of its lines, a deduction, a subscription...</summary>
/// <param name="Type"><c>order</c>, <c>order-line</c>, <c>deduction</c>, <c>subscription</c>, <c>statement-line</c>, <c>invoice</c>, <c>quote-request</c>.</param>
/// <param name="Target">The thing's id; an order line is <c>{orderId}/{sku}</c>.</param>
public sealed record CaseLink(string Type, string Target)
{
    public static readonly string[] Types = ["order", "order-line", "deduction", "subscription", "statement-line", "invoice", "quote-request"];
}

/// <summary>Where a case stands against its targets at an instant.</summary>
/// <param name="FirstResponseDue">Null while the clock is stopped (pending) before the first response.</param>
/// <param name="ResolutionDue">Null while the clock is stopped (pending).</param>
public sealed record CaseDeadlines(DateTimeOffset? FirstResponseDue, DateTimeOffset? ResolutionDue, bool Paused,
    bool FirstResponseBreached, bool ResolutionBreached, TimeSpan BusinessTimeElapsed);

/// <summary>
/// A buyer's request for help: <c>new -&gt; open -&gt; pending | on-hold -&gt; solved -&gt; closed</c>.
/// Targets are counted in business time of the company's calendar from the case's creation, less the
/// business time it spent pending (or solved, when it is reopened); a requester's reply reopens a pending or solved case; a closed case
/// stays closed (a new case is opened instead).
/// </summary>
public sealed class SupportCase
{
    public const int MaxSubjectLength = 200;
    public const int MaxMessageLength = 10_000;
    private readonly List<CaseMessage> _messages = [];
    private readonly List<CaseLink> _links = [];

    private SupportCase()
    {
        Company = Subject = RequesterId = RequesterRole = string.Empty;
    }

    public static SupportCase Open(string company, CaseCategory category, CasePriority priority, string subject, string message,
        string requesterId, string requesterRole, DateTimeOffset now, IEnumerable<CaseLink>? links = null, string? idempotencyKey = null,
        string? requestHash = null)
    {
        var @case = new SupportCase
        {
            Id = Guid.NewGuid(),
            Company = company,
            Category = category,
            Team = ServiceTargets.TeamFor(category),
            Priority = priority,
            Subject = subject,
            RequesterId = requesterId,
            RequesterRole = requesterRole,
            State = CaseState.New,
            CreatedAt = now,
            UpdatedAt = now,
            IdempotencyKey = idempotencyKey,
            RequestHash = requestHash,
        };
        @case._links.AddRange((links ?? []).Distinct());
        @case._messages.Add(new CaseMessage(Guid.NewGuid(), requesterId, false, false, message, now));
        return @case;
    }

    public Guid Id { get; private set; }
    public string Company { get; private set; }
    public CaseCategory Category { get; private set; }
    public SupportTeam Team { get; private set; }
    public CasePriority Priority { get; private set; }
    public string Subject { get; private set; }
    public string RequesterId { get; private set; }
    public string RequesterRole { get; private set; }
    public string? Assignee { get; private set; }
    public CaseState State { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? FirstResponseAt { get; private set; }
    public DateTimeOffset? SolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Set while pending: when the clock stopped.</summary>
    public DateTimeOffset? PendingSince { get; private set; }

    /// <summary>Business time spent pending in stretches that have ended.</summary>
    public TimeSpan PausedBusinessTime { get; private set; }

    /// <summary>Frozen when the first response is written: whether it came after its target.</summary>
    public bool? FirstResponseBreached { get; private set; }

    /// <summary>Frozen when the case is solved: whether the solution came after its target.</summary>
    public bool? ResolutionBreached { get; private set; }

    public int? Rating { get; private set; }
    public string? IdempotencyKey { get; private set; }
    public string? RequestHash { get; private set; }
    public IReadOnlyList<CaseLink> Links => _links;
    public long Version { get; private set; }
    public IReadOnlyList<CaseMessage> Messages => _messages;

    public bool IsOpenForWork => State is not (CaseState.Solved or CaseState.Closed);

    /// <summary>The requester's reply: reopens a pending or solved case.</summary>
    public CaseMessage ReplyAsRequester(string text, DateTimeOffset now, BusinessCalendar calendar)
    {
        EnsureNotClosed();
        var message = Add(RequesterId, byStaff: false, isInternal: false, text, now);
        if (State is CaseState.Pending or CaseState.Solved)
            MoveTo(CaseState.Open, now, calendar);
        return message;
    }

    /// <summary>A staff answer or internal note; the first public answer is the first response and opens a new case.</summary>
    public CaseMessage ReplyAsStaff(string author, string text, bool isInternal, DateTimeOffset now, BusinessCalendar calendar)
    {
        EnsureNotClosed();
        var message = Add(author, byStaff: true, isInternal, text, now);
        if (isInternal)
            return message;
        if (FirstResponseAt is null)
        {
            FirstResponseBreached = State == CaseState.Pending
                ? Elapsed(calendar, PendingSince!.Value) >= ServiceTargets.For(Priority).FirstResponse
                : Late(ServiceTargets.For(Priority).FirstResponse, calendar, now);
            FirstResponseAt = now;
        }

        if (State == CaseState.New)
            MoveTo(CaseState.Open, now, calendar);
        return message;
    }

    /// <summary>Staff take or give the case; taking a new case opens it.</summary>
    public void Assign(string assignee, DateTimeOffset now, BusinessCalendar calendar)
    {
        EnsureNotClosed();
        Assignee = assignee;
        if (State == CaseState.New)
            MoveTo(CaseState.Open, now, calendar);
        else
            Touch(now);
    }

    /// <summary>Staff move a case; <c>closed</c> only from solved. A move to the state it is in is no change.</summary>
    public void ChangeState(CaseState to, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (to == State)
            return;
        var allowed = (State, to) switch
        {
            (CaseState.Closed, _) => false,
            (_, CaseState.New) => false,
            (CaseState.Solved, CaseState.Closed or CaseState.Open) => true,
            (CaseState.Solved, _) => false,
            (_, CaseState.Closed) => false,
            _ => true,
        };
        if (!allowed)
            throw new ConflictException("invalid-state", $"A {State.WireName()} case does not move to {to.WireName()}.");
        MoveTo(to, now, calendar);
    }

    /// <summary>A solved case nobody has replied to for <see cref="ServiceTargets.ClosesAfterSolved"/> closes (the worker's sweep).</summary>
    public bool CloseIfSolvedLongEnough(DateTimeOffset now, BusinessCalendar calendar)
    {
        if (State != CaseState.Solved || SolvedAt is null || now - SolvedAt < ServiceTargets.ClosesAfterSolved)
            return false;
        MoveTo(CaseState.Closed, now, calendar);
        return true;
    }

    /// <summary>The requester's satisfaction, 1 to 5, once the case is solved (changed while it is not closed).</summary>
    public void Rate(int score, DateTimeOffset now)
    {
        if (score is < 1 or > 5)
            throw new DomainValidationException("validation", "score", "score is 1 (poor) to 5 (excellent).");
        if (State is not (CaseState.Solved or CaseState.Closed))
            throw new ConflictException("invalid-state", "A case is rated once it is solved.");
        if (State == CaseState.Closed && Rating is not null)
            throw new ConflictException("invalid-state", "The case is closed with its rating.");
        Rating = score;
        Touch(now);
    }

    /// <summary>
    /// The targets at <paramref name="now"/>: each due instant is the target in business time after the
    /// creation, pushed back by the business time spent pending; while pending the clock is stopped (no due
    /// instant) and the case counts as breached only if it already was.
    /// </summary>
    public CaseDeadlines Deadlines(BusinessCalendar calendar, DateTimeOffset now)
    {
        var (firstTarget, resolutionTarget) = ServiceTargets.For(Priority);
        var paused = State == CaseState.Pending;
        var done = State is CaseState.Solved or CaseState.Closed;
        var elapsed = Elapsed(calendar, paused ? PendingSince!.Value : done ? SolvedAt ?? now : now);
        DateTimeOffset? Due(TimeSpan target) => paused ? null : calendar.Add(CreatedAt, target + PausedBusinessTime);
        var firstDue = FirstResponseAt is null ? Due(firstTarget) : null;
        var resolutionDue = done ? null : Due(resolutionTarget);
        var firstBreached = FirstResponseBreached ?? (paused ? elapsed >= firstTarget : now > firstDue);
        var resolutionBreached = ResolutionBreached ?? (paused ? elapsed >= resolutionTarget : now > resolutionDue);
        return new CaseDeadlines(firstDue, resolutionDue, paused, firstBreached, resolutionBreached, elapsed);
    }

    /// <summary>Business time the clock has run from the creation to <paramref name="until"/>, less the pending stretches.</summary>
    private TimeSpan Elapsed(BusinessCalendar calendar, DateTimeOffset until)
    {
        var elapsed = calendar.Between(CreatedAt, until) - PausedBusinessTime;
        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }

    /// <summary>With the clock running, whether <paramref name="now"/> is after the target's due instant.</summary>
    private bool Late(TimeSpan target, BusinessCalendar calendar, DateTimeOffset now) =>
        now > calendar.Add(CreatedAt, target + PausedBusinessTime);

    private void MoveTo(CaseState to, DateTimeOffset now, BusinessCalendar calendar)
    {
        if (State == CaseState.Pending && PendingSince is { } since)
        {
            PausedBusinessTime += calendar.Between(since, now);
            PendingSince = null;
        }

        if (to == CaseState.Pending)
            PendingSince = now;
        if (to == CaseState.Solved)
        {
            ResolutionBreached = Late(ServiceTargets.For(Priority).Resolution, calendar, now);
            SolvedAt = now;
        }
        else if (to == CaseState.Open && State == CaseState.Solved)
        {
            // Reopened: the days it stood solved were nobody's to work, like a pending stretch; the target counts on.
            PausedBusinessTime += calendar.Between(SolvedAt!.Value, now);
            SolvedAt = null;
            ResolutionBreached = null;
        }

        if (to == CaseState.Closed)
            ClosedAt = now;
        State = to;
        Touch(now);
    }

    private CaseMessage Add(string author, bool byStaff, bool isInternal, string text, DateTimeOffset now)
    {
        var message = new CaseMessage(Guid.NewGuid(), author, byStaff, isInternal, text, now);
        _messages.Add(message);
        Touch(now);
        return message;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void EnsureNotClosed()
    {
        if (State == CaseState.Closed)
            throw new ConflictException("invalid-state", "The case is closed; open a new case, which may link this one's subject.");
    }
}
