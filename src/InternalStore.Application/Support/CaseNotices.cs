using InternalStore.Application.Notifications;
using InternalStore.Domain.Common;
using InternalStore.Domain.Notifications;
using InternalStore.Domain.Support;

namespace InternalStore.Application.Support;

/// <summary>Who hears of a case's change: the requester of staff's replies and state changes, the assignee of the requester's replies.</summary>
public static class CaseNotices
{
    public static Task ToRequesterAsync(Notifier notifier, SupportCase @case, string what, CancellationToken ct) =>
        notifier.NotifyAsync(@case.RequesterId, NotificationKind.CaseUpdated, $"Your case \"{@case.Subject}\": {Headline(what)}",
            $"{what}\n\nThe case is {@case.State.WireName()}.", $"/shop/cases/{@case.Id}", ct);

    public static Task ToAssigneeAsync(Notifier notifier, SupportCase @case, string what, CancellationToken ct) =>
        @case.Assignee is { } assignee && assignee != @case.RequesterId
            ? notifier.NotifyAsync(assignee, NotificationKind.CaseUpdated, $"Case \"{@case.Subject}\": {Headline(what)}",
                $"{what}\n\nThe case is {@case.State.WireName()}.", $"/console/support/cases/{@case.Id}", ct)
            : Task.CompletedTask;

    private static string Headline(string what)
    {
        var first = what.Split('\n')[0];
        return first.Length > 80 ? first[..80] + "..." : first;
    }
}
