using InternalStore.Domain.Common;
using InternalStore.Domain.Support;

namespace InternalStore.Application.Support;

public sealed record CaseMessageDto(Guid Id, string Author, bool ByStaff, bool Internal, string Text, DateTimeOffset At);

public sealed record CaseLinkDto(string Type, string Id);

/// <param name="FirstResponseDue">When the first answer is due; null once answered or while the clock is stopped.</param>
/// <param name="Paused">Pending: waiting on the requester, the clock stopped.</param>
public sealed record CaseDto(Guid Id, string Company, string Category, string Team, string Priority, string Subject, string State,
    string RequesterId, string RequesterRole, string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? FirstResponseAt, DateTimeOffset? FirstResponseDue, DateTimeOffset? ResolutionDue, bool Paused,
    bool FirstResponseBreached, bool ResolutionBreached, DateTimeOffset? SolvedAt, DateTimeOffset? ClosedAt, int? Rating,
    IReadOnlyList<CaseLinkDto> Links, IReadOnlyList<CaseMessageDto> Messages);

public sealed record CaseResult(CaseDto Case, bool Created);

internal static class CaseMapping
{
    /// <summary>The case as <paramref name="staff"/> or its requester sees it: a requester never sees internal notes.</summary>
    public static CaseDto ToDto(this SupportCase c, BusinessCalendar calendar, DateTimeOffset now, bool staff)
    {
        var d = c.Deadlines(calendar, now);
        return new CaseDto(c.Id, c.Company, c.Category.WireName(), c.Team.WireName(), c.Priority.WireName(), c.Subject, c.State.WireName(),
            c.RequesterId, c.RequesterRole, c.Assignee, c.CreatedAt, c.UpdatedAt, c.FirstResponseAt, d.FirstResponseDue, d.ResolutionDue,
            d.Paused, d.FirstResponseBreached, d.ResolutionBreached, c.SolvedAt, c.ClosedAt, c.Rating,
            c.Links.Select(l => new CaseLinkDto(l.Type, l.Target)).ToList(),
            c.Messages.Where(m => staff || !m.Internal).OrderBy(m => m.At)
                .Select(m => new CaseMessageDto(m.Id, m.Author, m.ByStaff, m.Internal, m.Text, m.At)).ToList());
    }
}
