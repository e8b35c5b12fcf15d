using InternalStore.Application.Common;
using InternalStore.Application.Negotiation;
using InternalStore.Domain.Common;
using InternalStore.Domain.Negotiation;
using InternalStore.Domain.Ordering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InternalStore.Core.Tests;

/// <summary>The store on a clock the test moves: offers run out at their validUntil.</summary>
public sealed class FakeClockStore : CoreStore
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>A negotiation's rules in the domain and through the handlers: floor, four-eyes, versions, expiry.</summary>
public sealed class NegotiationTests(FakeClockStore store) : IClassFixture<FakeClockStore>
{
    private static readonly Caller Dispatch = new("D1200", new HashSet<string> { Roles.DepartmentBuyer }, "ABC", "CC-1200");
    private static readonly Caller Finance = new("F9001", new HashSet<string> { Roles.Finance }, "ABC");

    private static QuoteRequest Request(DateTimeOffset now) => QuoteRequest.Submit(BuyerKind.Department, "D1200", Roles.DepartmentBuyer,
        "ABC", "ABC", "CC-1200", null, "ABC", [new QuoteRequestLine("MON-27", "27-inch monitor", 2, 240m)], null, null, "k", "h", now);

    private static OfferLine Line(decimal price) => new("MON-27", 2, price, unitCost: 241m, standardUnitPrice: 248.23m, floor: 241m);

    [Fact]
    public void The_floor_holds_the_author_cannot_approve_and_a_new_version_supersedes_the_last()
    {
        var now = DateTimeOffset.UtcNow;
        var request = Request(now);

        Assert.Equal("below-floor", Assert.Throws<ConflictException>(() => request.MakeOffer("F9001", [Line(240.99m)], now.AddDays(1), null, false, now)).Code);
        var first = request.MakeOffer("F9001", [Line(245m)], now.AddDays(1), null, false, now);
        Assert.True(first.NeedsApproval);
        Assert.Equal("approval-required", Assert.Throws<ConflictException>(() => request.Accept(1, "D1200", "a", now)).Code);
        Assert.Throws<FourEyesException>(() => request.Approve(1, "F9001", "volume", now));
        request.Approve(1, "F9002", "volume", now);
        request.Renegotiate(1, "D1200", "too high", now);
        Assert.Equal(QuoteRequestStatus.Renegotiating, request.Status);

        var second = request.MakeOffer("F9001", [Line(250m)], now.AddDays(1), null, false, now);
        Assert.Equal(2, second.Version);
        Assert.False(second.NeedsApproval);
        Assert.Equal("offer-expired", Assert.Throws<ConflictException>(() => request.Accept(1, "D1200", "a", now)).Code);
        Assert.Throws<ForbiddenException>(() => request.Accept(2, "D9999", "a", now));
        request.Accept(2, "D1200", "a", now);
        Assert.Equal(QuoteRequestStatus.Accepted, request.Status);
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => request.MakeOffer("F9001", [Line(250m)], now.AddDays(1), null, false, now)).Code);
        Assert.Equal(["submitted", "offer", "approved", "renegotiating", "offer", "accepted"], request.Events.Select(e => e.What));
    }

    [Fact]
    public void An_agreement_comes_only_from_an_accepted_offer_runs_by_its_days_refuses_overlaps_and_ends_early()
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var request = Request(now);
        request.MakeOffer("F9001", [Line(249m)], now.AddDays(1), null, false, now);
        PriceAgreement Make(DateOnly from, DateOnly to) =>
            PriceAgreement.FromAcceptedOffer(request, "MON-27", "27-inch monitor", from, to, today, "USD", "F9001", now, "k", "h");

        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => Make(today, today.AddDays(10))).Code);
        request.Accept(1, "D1200", "a", now);
        Assert.Equal("from", Assert.Throws<DomainValidationException>(() => Make(today.AddDays(-1), today)).Field);
        Assert.Equal("to", Assert.Throws<DomainValidationException>(() => Make(today, today.AddDays(PriceAgreement.MaxDays))).Field);

        var agreement = Make(today, today.AddDays(PriceAgreement.MaxDays - 1));
        Assert.Equal((249m, 3.32m, "CC-1200"), (agreement.UnitPrice, agreement.MarkupPercent, agreement.CostCenter));
        Assert.Equal(PriceAgreementStatus.Active, agreement.StatusOn(today));
        Assert.Equal(PriceAgreementStatus.Expired, agreement.StatusOn(today.AddDays(PriceAgreement.MaxDays)));
        var later = Make(today.AddDays(5), today.AddDays(6));
        Assert.Equal(PriceAgreementStatus.Scheduled, later.StatusOn(today));
        Assert.Equal("agreement-overlap", Assert.Throws<ConflictException>(() => later.EnsureNoOverlapWith([agreement])).Code);

        agreement.End(request, "F9002", "cost rose", today.AddDays(3), now);
        Assert.Equal((today.AddDays(2), PriceAgreementStatus.Ended), (agreement.To, agreement.StatusOn(today.AddDays(1))));
        Assert.Equal(today.AddDays(PriceAgreement.MaxDays - 1), agreement.AgreedTo);
        later.EnsureNoOverlapWith([agreement]); // the ended one no longer covers those days
        Assert.Equal("invalid-state", Assert.Throws<ConflictException>(() => agreement.End(request, "F9002", "again", today, now)).Code);
        Assert.Equal(["agreement made", "agreement made", "agreement ended"],
            request.Events.Select(e => e.What).Where(w => w.StartsWith("agreement", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_offer_runs_out_at_its_valid_until_and_the_request_is_then_expired()
    {
        var submitted = await store.SendAsync(new SubmitQuoteRequestCommand(Dispatch, Guid.NewGuid().ToString(),
            [new QuoteRequestLineRequest("MON-27", 2, null)], null, null));
        var id = submitted.Request.Id;
        var validUntil = store.Clock.GetUtcNow().AddHours(1);
        var offered = await store.SendAsync(new MakeOfferCommand(Finance, id, [new OfferLineRequest("MON-27", 250m)], validUntil, null));
        Assert.Equal(248.23m, offered.Offers[0].Lines[0].StandardUnitPrice); // cost 241 + 3 % for electronics

        store.Clock.Advance(TimeSpan.FromHours(1)); // exactly at validUntil: no longer valid
        var late = await Assert.ThrowsAsync<ConflictException>(() =>
            store.SendAsync(new AcceptOfferCommand(Dispatch, id, 1, Guid.NewGuid().ToString())));

        Assert.Equal("offer-expired", late.Code);
        Assert.Equal("expired", (await store.SendAsync(new GetQuoteRequestQuery(Dispatch, id))).Status);
        Assert.Null((await store.SendAsync(new GetQuoteRequestQuery(Finance, id))).OrderId);
    }
}
