using System.Globalization;
using FluentValidation;
using InternalStore.Application.Checkout;
using InternalStore.Application.Common;
using InternalStore.Domain.Common;
using InternalStore.Domain.InternalServices;
using InternalStore.Domain.Settlement;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace InternalStore.Application.InternalServices;

/// <summary>
/// Finance closes a company's month once it is over: every usage entry its centres supplied in the month
/// is priced; those of its own departments become service-charge journal entries (chargeback) or are
/// only shown (showback); those of other group companies go onto one intercompany invoice per company at
/// the intercompany markup. All in one transaction; closing a closed month answers it as it closed.
/// </summary>
public sealed record ClosePeriodCommand(Caller Caller, string? Month, string? Company) : ICommand<AccountingPeriodDto>, Authority.ICallerMessage;

public sealed class ClosePeriodValidator : AbstractValidator<ClosePeriodCommand>
{
    public ClosePeriodValidator()
    {
        RuleFor(x => x.Month).Must(m => AccountingMonth.TryParse(m, out _)).WithMessage("The month is YYYY-MM, e.g. 2026-11.")
            .OverridePropertyName("month");
        RuleFor(x => x.Company).MaximumLength(20).OverridePropertyName("company");
    }
}

public sealed class ClosePeriodHandler(IStoreDb db, InternalServiceAccess access, UsagePricing pricing, TimeProvider clock,
    IOptions<InvoiceOptions> invoices, IOptions<Pricing.PricingOptions> options) : ICommandHandler<ClosePeriodCommand, AccountingPeriodDto>
{
    public async ValueTask<AccountingPeriodDto> Handle(ClosePeriodCommand command, CancellationToken cancellationToken)
    {
        var company = await CompanyAsync(command, cancellationToken);
        var month = AccountingMonth.Parse(command.Month);
        var now = clock.Stored();
        var currency = options.Value.Currency;
        var period = await db.LockAccountingPeriodAsync(company, month, cancellationToken);
        if (period.IsClosed)
            return period.ToDto(currency, alreadyClosed: true);
        AccountingPeriod.EnsureClosable(month, DateOnly.FromDateTime(now.UtcDateTime));

        var (first, last) = (month.First, month.Last);
        var entries = await db.UsageEntries.Where(e => e.SupplierCompany == company && e.Date >= first && e.Date <= last)
            .OrderBy(e => e.Date).ThenBy(e => e.EnteredAt).ToListAsync(cancellationToken);
        var services = await pricing.ServicesOfAsync(entries, cancellationToken);
        var markup = await pricing.IntercompanyMarkupAsync(cancellationToken);
        foreach (var entry in entries.Where(e => !e.Priced))
            entry.Price(services[entry.ServiceId].RequireRateFor(entry.ConsumerCostCenter, entry.Date).UnitRate,
                UsagePricing.MarkupFor(entry, markup));

        var mode = await db.CostAllocationSettings.AsNoTracking().Where(s => s.Company == company).Select(s => (CostAllocationMode?)s.Mode)
            .FirstOrDefaultAsync(cancellationToken) ?? CostAllocationMode.Chargeback;
        var journals = 0;
        if (mode == CostAllocationMode.Chargeback)
        {
            foreach (var entry in entries.Where(e => !e.Intercompany))
            {
                db.JournalEntries.Add(JournalEntry.ForService(entry, PostingTime(entry.Date),
                    $"{entry.ServiceName}: {entry.Quantity.Plain().ToString(CultureInfo.InvariantCulture)} {entry.Unit} for {entry.ConsumerCostCenter} by {entry.SupplierCostCenter}"
                    + (entry.Reference is null ? "" : $" ({entry.Reference})")));
                journals++;
            }
        }

        var invoiceCount = 0;
        foreach (var buyer in entries.Where(e => e.Intercompany).GroupBy(e => e.ConsumerCompany).OrderBy(g => g.Key))
        {
            await InvoiceAsync(company, buyer.Key, month, buyer.ToList(), currency, now, cancellationToken);
            invoiceCount++;
            journals++;
        }

        period.Close(mode, entries.Count, journals, invoiceCount, entries.Sum(e => e.Amount!.Value), command.Caller.Subject, now);
        await db.SaveChangesAsync(cancellationToken);
        return period.ToDto(currency);
    }

    private async Task<string> CompanyAsync(ClosePeriodCommand command, CancellationToken ct)
    {
        var company = string.IsNullOrWhiteSpace(command.Company) ? command.Caller.Company : command.Company.Trim();
        if (company is null || !await db.Companies.AnyAsync(c => c.Code == company, ct))
            throw new DomainValidationException("unknown-company", "company", $"There is no company '{company}'.");
        if (!await access.FinanceCoversAsync(command.Caller, ct, company))
            throw new ForbiddenException($"Finance of {company} or a company above it closes {company}'s months.");
        return company;
    }

    private async Task InvoiceAsync(string seller, string buyer, AccountingMonth month, List<UsageEntry> entries, string currency,
        DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var prefix = $"{seller}-{today.Year}-";
        // The same numbering as goods invoices; a concurrent invoice loses on the unique number and the close runs again.
        var issued = await db.Invoices.CountAsync(i => i.Number.StartsWith(prefix), ct);
        var invoice = IntercompanyInvoice.ForServices(IntercompanyInvoice.FormatNumber(seller, today.Year, issued + 1), seller, buyer,
            month.ToString(), today, invoices.Value.PaymentTermDays, currency,
            entries.Select(e => InvoiceLine.ForService(e.ServiceId,
                $"{e.ServiceName} for {e.ConsumerCostCenter} on {e.Date:yyyy-MM-dd}" + (e.Reference is null ? "" : $" ({e.Reference})"),
                e.Quantity, e.UnitRate!.Value, e.Amount!.Value, e.UnitRate!.Value / (1 + (e.MarkupPercent ?? 0m) / 100m))));
        db.Invoices.Add(invoice);
        db.JournalEntries.Add(new JournalEntry(JournalKind.IntercompanyInvoice, Guid.Empty, buyer, null, seller, invoice.Total,
            entries.Sum(e => e.Cost!.Value), currency, now, $"Invoice {invoice.Number}: internal services of {month}"));
    }

    /// <summary>A service charge is posted on the day the service was used, so it lands on that month's statement.</summary>
    private static DateTimeOffset PostingTime(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
