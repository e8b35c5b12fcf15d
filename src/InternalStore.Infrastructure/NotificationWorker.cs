using InternalStore.Application.Notifications;
using InternalStore.Infrastructure.Mail;
using InternalStore.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InternalStore.Infrastructure;

/// <summary>Mails queued notifications every <c>Smtp:SendIntervalSeconds</c> when a mail server is configured.</summary>
public sealed class NotificationWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SmtpOptions> options,
    ILogger<NotificationWorker> logger, DatabaseStartup database) : PeriodicWorker(clock, logger, database)
{
    protected override TimeSpan Interval => string.IsNullOrWhiteSpace(options.Value.Host)
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds(options.Value.SendIntervalSeconds);

    protected override bool RunAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        // Round after round until the queue is empty, so a burst is not spread over many intervals.
        while (await sender.Send(new SendNotificationsCommand(), cancellationToken) > 0)
        {
        }
    }
}
