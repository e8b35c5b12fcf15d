using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Support;

/// <summary>
/// A buyer's own cases, newest first; staff's queue: the cases of their teams in their companies, what is
/// due first at the top (paused and solved cases last). <c>due=breached</c> keeps the breached ones,
/// <c>due=today</c> those due before the end of today (UTC) or breached.
/// </summary>
public sealed record ListCasesQuery(Caller Caller, string? State, string? Assignee, string? Due) : IQuery<IReadOnlyList<CaseDto>>, ICallerMessage;

public sealed class ListCasesValidator : AbstractValidator<ListCasesQuery>
{
    public ListCasesValidator()
    {
        RuleFor(x => x.State).Must(s => s is null || WireNames.TryParseWire<CaseState>(s, out _))
            .WithMessage($"state is one of {WireNames.All<CaseState>()}.").OverridePropertyName("state");
        RuleFor(x => x.Assignee).MaximumLength(100).OverridePropertyName("assignee");
        RuleFor(x => x.Due).Must(d => d is null or "breached" or "today").WithMessage("due is breached or today.").OverridePropertyName("due");
    }
}

public sealed class ListCasesHandler(IStoreDb db, SupportAccess access, TimeProvider clock) : IQueryHandler<ListCasesQuery, IReadOnlyList<CaseDto>>
{
    private const int Limit = 200;

    public async ValueTask<IReadOnlyList<CaseDto>> Handle(ListCasesQuery query, CancellationToken cancellationToken)
    {
        var caller = query.Caller;
        var teams = SupportAccess.TeamsOf(caller);
        var companies = teams.Count > 0 ? (await access.StaffCompaniesAsync(caller, cancellationToken)).ToList() : [];
        var cases = db.SupportCases.AsNoTracking().AsSplitQuery()
            .Where(c => c.RequesterId == caller.Subject || (teams.Contains(c.Team) && companies.Contains(c.Company)));
        if (query.State is not null && WireNames.TryParseWire<CaseState>(query.State, out var state))
            cases = cases.Where(c => c.State == state);
        if (!string.IsNullOrEmpty(query.Assignee))
            cases = cases.Where(c => c.Assignee == query.Assignee);
        var found = await cases.OrderByDescending(c => c.UpdatedAt).Take(Limit).ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var company in found.Select(c => c.Company).Distinct())
            calendars[company] = await access.CalendarAsync(company, cancellationToken);
        var rows = found.Select(c => c.ToDto(calendars[c.Company], now, staff: c.RequesterId != caller.Subject)).ToList();
        var endOfToday = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        if (query.Due == "breached")
            rows = rows.Where(r => r.FirstResponseBreached || r.ResolutionBreached).ToList();
        else if (query.Due == "today")
            rows = rows.Where(r => r.FirstResponseBreached || r.ResolutionBreached || NextDue(r) < endOfToday).ToList();
        if (teams.Count == 0)
            return rows;
        return rows.OrderBy(r => NextDue(r) ?? DateTimeOffset.MaxValue).ThenBy(r => r.CreatedAt).ToList();
    }

    private static DateTimeOffset? NextDue(CaseDto c) => (c.FirstResponseDue, c.ResolutionDue) switch
    {
        ({ } f, { } r) => f < r ? f : r,
        ({ } f, null) => f,
        (null, var r) => r,
    };
}

public sealed record GetCaseQuery(Caller Caller, Guid Id) : IQuery<CaseDto>, ICallerMessage;

public sealed class GetCaseHandler(SupportAccess access, TimeProvider clock) : IQueryHandler<GetCaseQuery, CaseDto>
{
    public async ValueTask<CaseDto> Handle(GetCaseQuery query, CancellationToken cancellationToken)
    {
        var (@case, staff) = await access.CaseAsync(query.Caller, query.Id, cancellationToken);
        return @case.ToDto(await access.CalendarAsync(@case.Company, cancellationToken), clock.GetUtcNow(), staff);
    }
}
