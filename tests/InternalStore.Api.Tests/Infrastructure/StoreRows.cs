using InternalStore.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>Row counts of every table a request can write, as one string: equal before and after means nothing was written.</summary>
public static class StoreRows
{
    public static async Task<string> CountAsync(StoreFactory store)
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IStoreDb>();
        return string.Join(",", await db.Orders.CountAsync(), await db.Products.CountAsync(), await db.Policies.CountAsync(),
            await db.Promotions.CountAsync(), await db.Refunds.CountAsync(), await db.OutboxMessages.CountAsync(),
            await db.Employees.CountAsync(), await db.StockAdjustments.CountAsync(), await db.GrossProfitRates.CountAsync(),
            await db.Invoices.CountAsync(), await db.JournalEntries.CountAsync(), await db.EmployeeAudit.CountAsync(),
            await db.PolicyAudit.CountAsync(), await db.PayrollSchedules.CountAsync(), await db.BenefitEntries.CountAsync(),
            await db.Carts.SelectMany(c => c.Items).CountAsync(), await db.QuoteRequests.CountAsync(),
            await db.QuoteRequests.SelectMany(r => r.Offers).CountAsync(), await db.PriceAgreements.CountAsync(),
            await db.ServicePlans.CountAsync(), await db.Subscriptions.CountAsync(), await db.SubscriptionCharges.CountAsync(),
            await db.InternalServices.CountAsync(), await db.InternalServices.SelectMany(s => s.Rates).CountAsync(),
            await db.UsageEntries.CountAsync(), await db.AccountingPeriods.CountAsync(), await db.CostAllocationSettings.CountAsync(),
            await db.StatementDisputes.CountAsync(), await db.StatementAcceptances.CountAsync(),
            await db.SupportCases.CountAsync(), await db.SupportCases.SelectMany(c => c.Messages).CountAsync(), await db.SupportCalendars.CountAsync(),
            await db.Notifications.CountAsync(), await db.ScimTokens.CountAsync());
    }
}
