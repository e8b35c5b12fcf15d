using System.Collections.Concurrent;
using InternalStore.Application.Checkout;
using InternalStore.Application.Checkout.Methods;
using InternalStore.Domain.Ordering;
using InternalStore.Domain.Settlement;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Core.Tests;

/// <summary>
/// A settlement method that exists only in the tests, added as a new method is: a value, this one
/// class and one registration (<see cref="StoreCreditStore"/>). Employees pay from a store-credit
/// balance kept here; it goes back on a refund.
/// </summary>
public sealed class StoreCreditMethod(TimeProvider clock, OrderPayments payments, StoreCreditAccounts accounts)
    : ISettlementMethod
{
    /// <summary>Not a value of the enum: a new method's value would be added there.</summary>
    public const PaymentMethod StoreCredit = (PaymentMethod)100;

    public PaymentMethod Method => StoreCredit;
    public string WireName => "store-credit";
    public string Description => "store credit";
    public bool Fits(BuyerKind buyer) => buyer == BuyerKind.Employee;

    public async Task<object?> SettleAsync(Order order, CheckoutOrderCommand command, CancellationToken ct)
    {
        accounts.Take(order.BuyerId, order.Total);
        await payments.PaidAsync(order, order.BuyerId, clock.GetUtcNow(), "paid from store credit", ct);
        return new StoreCreditReceipt(order.Total, accounts.Balance(order.BuyerId));
    }

    public Task<object?> ReplayAsync(Order order, CancellationToken ct) =>
        Task.FromResult<object?>(new StoreCreditReceipt(order.Total, accounts.Balance(order.BuyerId)));

    public Task SettleRefundAsync(Order order, Refund refund, decimal cost, DateTimeOffset now, CancellationToken ct)
    {
        accounts.Give(order.BuyerId, refund.Amount);
        return Task.CompletedTask;
    }
}

public sealed record StoreCreditReceipt(decimal Paid, decimal BalanceLeft);

/// <summary>The test's store-credit balances (a real method would keep them in the database).</summary>
public sealed class StoreCreditAccounts
{
    private readonly ConcurrentDictionary<string, decimal> _balances = new();

    public decimal Balance(string person) => _balances.GetOrAdd(person, 500m);
    public void Take(string person, decimal amount) => _balances.AddOrUpdate(person, 500m - amount, (_, b) => b - amount);
    public void Give(string person, decimal amount) => _balances.AddOrUpdate(person, 500m + amount, (_, b) => b + amount);
}

public sealed class StoreCreditStore : CoreStore
{
    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<StoreCreditAccounts>();
        services.AddSettlementMethod<StoreCreditMethod>();
    }
}
