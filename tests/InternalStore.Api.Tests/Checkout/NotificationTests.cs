using System.Net;
using System.Text.Json;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Common;
using InternalStore.Application.Notifications;
using InternalStore.Domain.Notifications;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Checkout;

/// <summary>
/// Notifications on both databases, mailed through MailKit to a local SMTP server: written with the change
/// they report, shown to their recipient only, mailed exactly once by several senders at a time, after a
/// sender died holding one, and after the mail server was away.
/// </summary>
public abstract class NotificationTests(StoreFactory store, LocalSmtp smtp)
{
    private readonly CheckoutScenario _given = new(store);
    private const string AliceEmail = "alice.moreau@abc.example";

    private async Task<List<JsonElement>> MineAsync(Identity who, string query = "") =>
        [.. (await (await store.ClientFor(who).GetAsync("/api/me/notifications" + query)).AssertJsonAsync(HttpStatusCode.OK)).EnumerateArray()];

    /// <summary>Polls the SMTP server until every id's message has arrived (or the deadline passes).</summary>
    private async Task AwaitMailAsync(IEnumerable<Guid> ids)
    {
        var wanted = ids.Select(id => $"{id:N}@internalstore").ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && wanted.Any(m => smtp.WithMessageId(m).Count == 0))
            await Task.Delay(100);
    }

    private async Task<List<(Guid Id, EmailStatus Status, bool OutboxDone)>> StatusesAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
        var rows = await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync();
        var payloads = ids.Select(i => i.ToString()).ToList();
        var done = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == Notifier.EmailMessage && payloads.Contains(m.Payload))
            .ToDictionaryAsync(m => m.Payload, m => m.ProcessedAt != null);
        return [.. rows.Select(n => (n.Id, n.EmailStatus, done.GetValueOrDefault(n.Id.ToString())))];
    }

    [Fact]
    public async Task A_purchase_a_refund_and_a_case_reply_are_shown_to_the_buyer_alone_and_mailed_once_each()
    {
        var sku = await _given.NewProductAsync(listPrice: 40.00m);
        var order = await _given.PlaceAsync(Identity.Employee, (sku, 2));
        await (await _given.CheckoutAsync(Identity.Employee, order.Id(), new { method = "payroll", installments = 2 })).AssertJsonAsync(HttpStatusCode.OK);
        await (await _given.RefundAsync(Identity.Finance, order.Id(), new { lines = new[] { new { sku, quantity = 1 } }, reason = "one was broken" }))
            .AssertJsonAsync(HttpStatusCode.Created);
        var opened = await (await store.ClientFor(Identity.Employee).SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString() } },
            Content = System.Net.Http.Json.JsonContent.Create(new { category = "order", subject = "Broken " + sku, message = "One arrived broken." }),
        })).AssertJsonAsync(HttpStatusCode.Created);
        var caseId = opened.Id();
        await (await store.ClientFor(Identity.Catalog).PostJsonAsync($"/api/cases/{caseId}/messages", new { text = "Refunded one; sorry.", @internal = false }))
            .AssertJsonAsync(HttpStatusCode.OK);
        await (await store.ClientFor(Identity.Catalog).PostJsonAsync($"/api/cases/{caseId}/messages", new { text = "Courier's fault again.", @internal = true }))
            .AssertJsonAsync(HttpStatusCode.OK);

        var link = $"/shop/orders/{order.Id()}";
        var mine = (await MineAsync(Identity.Employee)).Where(n => n.GetProperty("link").GetString() == link
                                                                   || n.GetProperty("link").GetString() == $"/shop/cases/{caseId}").ToList();
        Assert.Equal(["caseUpdated", "refund", "orderPaid", "orderPlaced"], mine.Select(n => n.GetProperty("kind").GetString()));
        var receipt = mine[2].GetProperty("body").GetString()!;
        Assert.Contains($"2 x Checkout test item ({sku})", receipt, StringComparison.Ordinal);
        Assert.Contains("Payroll deductions:", receipt, StringComparison.Ordinal);
        Assert.Contains("Refunded one; sorry.", mine[0].GetProperty("body").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain("Courier", string.Join("|", mine.Select(n => n.GetProperty("body").GetString())), StringComparison.Ordinal);
        var refund = mine[1].GetProperty("body").GetString()!;
        Assert.Contains("Your deductions now stand at:", refund, StringComparison.Ordinal);

        var ids = mine.Select(n => n.Id()).ToList();
        Assert.DoesNotContain((await MineAsync(new Identity("E1002", [Roles.Employee]))).Select(n => n.Id()), ids.Contains);
        Assert.Equal(2, (await MineAsync(Identity.Employee, "?limit=2")).Count);
        var older = await MineAsync(Identity.Employee, $"?before={ids[1]}");
        Assert.Contains(ids[2], older.Select(n => n.Id()));
        Assert.DoesNotContain(ids[0], older.Select(n => n.Id()));
        await (await store.ClientFor(Identity.Employee).GetAsync("/api/me/notifications?limit=0")).AssertValidationErrorAsync("limit");

        await AwaitMailAsync(ids);
        foreach (var notification in mine)
        {
            var mail = Assert.Single(smtp.WithMessageId($"{notification.Id():N}@internalstore"));
            Assert.Equal(AliceEmail, mail.ToAddresses.Single().Address);
            Assert.Equal(notification.GetProperty("title").GetString(), mail.Headers["Subject"]);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (await MineAsync(Identity.Employee)).Where(n => ids.Contains(n.Id())).Any(n => n.GetProperty("email").GetString() != "sent"))
            await Task.Delay(100);
        Assert.All((await MineAsync(Identity.Employee)).Where(n => ids.Contains(n.Id())), n => Assert.Equal("sent", n.GetProperty("email").GetString()));
    }

    [Fact]
    public async Task An_affiliate_buyer_outside_the_roster_sees_the_notification_in_the_shop_only()
    {
        var sku = await _given.NewProductAsync();
        var order = await _given.PlaceAsync(Identity.AffiliateBuyer, (sku, 1));
        var placed = Assert.Single(await MineAsync(Identity.AffiliateBuyer), n => n.GetProperty("link").GetString() == $"/shop/orders/{order.Id()}");
        Assert.Equal("noAddress", placed.GetProperty("email").GetString());
        Assert.Equal((placed.Id(), EmailStatus.NoAddress, false), Assert.Single(await StatusesAsync([placed.Id()]))); // and no outbox row
    }

    [Fact]
    public async Task Three_senders_at_once_and_one_that_died_holding_a_lease_mail_each_notification_exactly_once()
    {
        Guid held;
        var ids = new List<Guid>();
        await using (var scope = store.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            for (var i = 0; i < 24; i++)
                await notifier.NotifyAsync("E1001", NotificationKind.CaseUpdated, $"Burst {i}", "A burst of notices.", "/shop/cases", CancellationToken.None);
            ids.AddRange(db.Notifications.Local.Select(n => n.Id));
            held = ids[0];
            // A sender that leased this message and died before it sent anything: its lease is committed with the row.
            db.OutboxMessages.Local.Single(m => m.Payload == held.ToString()).Lease(DateTimeOffset.UtcNow, OutboxLeases.Lease);
            await ((DbContext)db).SaveChangesAsync();
        }

        // The host's worker sends too: four senders in all.
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = store.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SendNotificationsCommand(Limit: 10));
        }));
        await AwaitMailAsync(ids.Skip(1));
        Assert.Empty(smtp.WithMessageId($"{held:N}@internalstore")); // held by the dead sender's lease

        await using (var scope = store.Services.CreateAsyncScope())
        {
            // Its lease runs out.
            var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
            await db.OutboxMessages.Where(m => m.Payload == held.ToString())
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        await AwaitMailAsync([held]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (await StatusesAsync(ids)).Any(s => s.Status != EmailStatus.Sent || !s.OutboxDone))
            await Task.Delay(100);
        Assert.All(await StatusesAsync(ids), s => Assert.Equal((EmailStatus.Sent, true), (s.Status, s.OutboxDone)));
        Assert.All(ids, id => Assert.Single(smtp.WithMessageId($"{id:N}@internalstore")));
    }

    [Fact]
    public async Task A_mail_server_that_is_away_delays_the_mail_and_it_is_sent_once_when_it_is_back()
    {
        smtp.GoAway();
        Guid id;
        try
        {
            await using (var scope = store.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
                await scope.ServiceProvider.GetRequiredService<Notifier>()
                    .NotifyAsync("E1001", NotificationKind.CaseUpdated, "While the server was away", "Later.", "/shop/cases", CancellationToken.None);
                id = db.Notifications.Local.Single().Id;
                await ((DbContext)db).SaveChangesAsync();
            }

            var deadline = DateTime.UtcNow.AddSeconds(30);
            string? error = null;
            while (DateTime.UtcNow < deadline && error is null)
            {
                await Task.Delay(100);
                await using var scope = store.Services.CreateAsyncScope();
                error = await scope.ServiceProvider.GetRequiredService<IStoreDb>().OutboxMessages.AsNoTracking()
                    .Where(m => m.Payload == id.ToString()).Select(m => m.LastError).SingleAsync();
            }

            Assert.Contains("mail server", error, StringComparison.Ordinal);
            Assert.Equal(EmailStatus.Queued, (await StatusesAsync([id])).Single().Status);
        }
        finally
        {
            smtp.ComeBack();
        }

        await using (var scope = store.Services.CreateAsyncScope())
        {
            // Rather than wait out the back-off.
            await scope.ServiceProvider.GetRequiredService<IStoreDb>().OutboxMessages.Where(m => m.Payload == id.ToString())
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        }

        await AwaitMailAsync([id]);
        Assert.Single(smtp.WithMessageId($"{id:N}@internalstore"));
    }
}

public sealed class NotificationTestsOnSqlite(SqliteMailStoreFactory store) : NotificationTests(store, store.Smtp), IClassFixture<SqliteMailStoreFactory>;

public sealed class NotificationTestsOnPostgres(PostgresMailStoreFactory store) : NotificationTests(store, store.Smtp), IClassFixture<PostgresMailStoreFactory>;
