using FluentValidation;
using InternalStore.Application.Authority;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace InternalStore.Application.Notifications;

public sealed record NotificationDto(Guid Id, string Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt,
    string Email, DateTimeOffset? SentAt);

/// <summary>The caller's own notifications, newest first; <c>before</c> (an id from the last page) pages back by key.</summary>
public sealed record ListMyNotificationsQuery(Caller Caller, string? Limit, string? Before) : IQuery<IReadOnlyList<NotificationDto>>, ICallerMessage;

public sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotificationsQuery>
{
    public ListMyNotificationsValidator()
    {
        RuleFor(x => x.Limit).Must(l => int.TryParse(l, out var n) && n is >= 1 and <= 200).WithMessage("limit is a whole number from 1 to 200.")
            .When(x => x.Limit is not null).OverridePropertyName("limit");
        RuleFor(x => x.Before).Must(b => Guid.TryParse(b, out _)).WithMessage("before is the id of a notification.")
            .When(x => x.Before is not null).OverridePropertyName("before");
    }
}

public sealed class ListMyNotificationsHandler(IStoreDb db) : IQueryHandler<ListMyNotificationsQuery, IReadOnlyList<NotificationDto>>
{
    public async ValueTask<IReadOnlyList<NotificationDto>> Handle(ListMyNotificationsQuery query, CancellationToken cancellationToken)
    {
        var mine = db.Notifications.AsNoTracking().Where(n => n.Recipient == query.Caller.Subject);
        if (query.Before is not null && Guid.TryParse(query.Before, out var beforeId))
        {
            var before = await mine.Where(n => n.Id == beforeId).Select(n => (DateTimeOffset?)n.CreatedAt).FirstOrDefaultAsync(cancellationToken)
                ?? throw new DomainValidationException("validation", "before", "before is the id of one of your notifications.");
            mine = mine.Where(n => n.CreatedAt < before || (n.CreatedAt == before && n.Id.CompareTo(beforeId) < 0));
        }

        var page = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(query.Limit is not null && int.TryParse(query.Limit, out var limit) ? limit : 50)
            .ToListAsync(cancellationToken);
        return [.. page.Select(n => new NotificationDto(n.Id, n.Kind.WireName(), n.Title, n.Body, n.Link, n.CreatedAt,
            n.EmailStatus.WireName(), n.SentAt))];
    }
}
