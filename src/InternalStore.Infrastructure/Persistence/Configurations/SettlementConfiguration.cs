using InternalStore.Domain.Settlement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class CardPaymentConfiguration : IEntityTypeConfiguration<CardPayment>
{
    public void Configure(EntityTypeBuilder<CardPayment> payment)
    {
        payment.ToTable("card_payments");
        payment.HasKey(p => p.OrderId);
        payment.Property(p => p.IntentId).HasMaxLength(100);
        payment.Property(p => p.IdempotencyKey).HasMaxLength(100);
        payment.Property(p => p.Currency).HasMaxLength(3);
        payment.Property(p => p.Status).HasConversion<string>().HasMaxLength(30);
        payment.Property(p => p.LastError).HasMaxLength(500);
        payment.Property(p => p.Version).IsConcurrencyToken();
        payment.Ignore(p => p.OutcomeUnknown);
        payment.HasIndex(p => p.IntentId).IsUnique();
        payment.HasIndex(p => new { p.Status, p.UpdatedAt });
    }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> e)
    {
        e.ToTable("webhook_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(100);
        e.Property(x => x.Type).HasMaxLength(100);
        e.Property(x => x.Outcome).HasMaxLength(500);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("outbox_messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Type).HasMaxLength(50);
        message.Property(m => m.Payload).HasMaxLength(4000);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.Property(m => m.Version).IsConcurrencyToken();
        message.HasIndex(m => new { m.ProcessedAt, m.NextAttemptAt });
    }
}

internal sealed class PayrollScheduleConfiguration : IEntityTypeConfiguration<PayrollSchedule>
{
    public void Configure(EntityTypeBuilder<PayrollSchedule> schedule)
    {
        schedule.ToTable("payroll_schedules");
        schedule.HasKey(s => s.Id);
        schedule.Property(s => s.EmployeeId).HasMaxLength(40);
        schedule.Property(s => s.Currency).HasMaxLength(3);
        schedule.Property(s => s.Version).IsConcurrencyToken();
        schedule.Ignore(s => s.Live);
        schedule.HasIndex(s => s.OrderId).IsUnique();
        schedule.HasIndex(s => s.EmployeeId);
        schedule.HasMany(s => s.Deductions).WithOne().HasForeignKey(d => d.ScheduleId).OnDelete(DeleteBehavior.Cascade);
        schedule.Navigation(s => s.Deductions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PayrollDeductionConfiguration : IEntityTypeConfiguration<PayrollDeduction>
{
    public void Configure(EntityTypeBuilder<PayrollDeduction> deduction)
    {
        deduction.ToTable("payroll_deductions");
        deduction.HasKey(d => d.Id);
        deduction.Property(d => d.EmployeeId).HasMaxLength(40);
        deduction.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        deduction.HasIndex(d => new { d.Period, d.Status });
        deduction.HasIndex(d => new { d.EmployeeId, d.Period });
    }
}

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> entry)
    {
        entry.ToTable("journal_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        entry.Property(e => e.BuyerCompany).HasMaxLength(20);
        entry.Property(e => e.SellerCompany).HasMaxLength(20);
        entry.Property(e => e.CostCenter).HasMaxLength(20);
        entry.Property(e => e.SupplierCostCenter).HasMaxLength(20);
        entry.Property(e => e.Currency).HasMaxLength(3);
        entry.Ignore(e => e.Markup);
        entry.HasIndex(e => e.PostedAt);
        entry.HasIndex(e => e.OrderId);
        // A priced usage entry is posted once, however often a close is retried.
        entry.HasIndex(e => e.UsageEntryId).IsUnique();
    }
}

internal sealed class IntercompanyInvoiceConfiguration : IEntityTypeConfiguration<IntercompanyInvoice>
{
    public void Configure(EntityTypeBuilder<IntercompanyInvoice> invoice)
    {
        invoice.ToTable("intercompany_invoices");
        invoice.HasKey(i => i.Id);
        invoice.Property(i => i.Number).HasMaxLength(40);
        invoice.Property(i => i.SellerCompany).HasMaxLength(20);
        invoice.Property(i => i.BuyerCompany).HasMaxLength(20);
        invoice.Property(i => i.Currency).HasMaxLength(3);
        invoice.Property(i => i.ServiceMonth).HasMaxLength(7);
        invoice.Property(i => i.SettledBy).HasMaxLength(100);
        invoice.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        invoice.Property(i => i.Version).IsConcurrencyToken();
        invoice.HasIndex(i => i.Number).IsUnique();
        invoice.HasIndex(i => i.OrderId).IsUnique();
        invoice.OwnsMany(i => i.Lines, line =>
        {
            line.ToTable("intercompany_invoice_lines");
            line.WithOwner().HasForeignKey("InvoiceId");
            line.Property<int>("Id");
            line.HasKey("Id");
            line.Property(l => l.Sku).HasMaxLength(40);
            line.Property(l => l.PricingMethod).HasMaxLength(20).HasDefaultValue(Domain.Pricing.CostPlus.Method);
            line.Ignore(l => l.MarkupPercent);
        });
        invoice.Navigation(i => i.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> refund)
    {
        refund.ToTable("refunds");
        refund.HasKey(r => r.Id);
        refund.Property(r => r.Method).HasConversion<string>().HasMaxLength(20);
        refund.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        refund.Property(r => r.IdempotencyKey).HasMaxLength(100);
        refund.Property(r => r.RequestHash).HasMaxLength(64);
        refund.Property(r => r.RequestedBy).HasMaxLength(100);
        refund.Property(r => r.Reason).HasMaxLength(500);
        refund.Property(r => r.Currency).HasMaxLength(3);
        refund.Property(r => r.ProviderRefundId).HasMaxLength(100);
        refund.Property(r => r.LastError).HasMaxLength(500);
        refund.Property(r => r.Version).IsConcurrencyToken();
        refund.Ignore(r => r.ProviderIdempotencyKey);
        refund.HasIndex(r => new { r.OrderId, r.IdempotencyKey }).IsUnique();
        refund.OwnsMany(r => r.Lines, line =>
        {
            line.ToTable("refund_lines");
            line.WithOwner().HasForeignKey("RefundId");
            line.Property<int>("Id");
            line.HasKey("Id");
            line.Property(l => l.Sku).HasMaxLength(40);
        });
        refund.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BenefitEntryConfiguration : IEntityTypeConfiguration<InternalStore.Domain.Benefits.BenefitEntry>
{
    public void Configure(EntityTypeBuilder<InternalStore.Domain.Benefits.BenefitEntry> entry)
    {
        entry.ToTable("benefit_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.EmployeeId).HasMaxLength(40);
        entry.Property(e => e.Sku).HasMaxLength(40);
        entry.Property(e => e.Rule).HasMaxLength(50);
        entry.Property(e => e.Currency).HasMaxLength(3);
        entry.HasIndex(e => e.Period);
        entry.HasIndex(e => new { e.EmployeeId, e.Period });
        entry.HasIndex(e => e.OrderId);
        entry.HasIndex(e => e.SubscriptionId);
    }
}

internal sealed class GrossProfitRateConfiguration : IEntityTypeConfiguration<InternalStore.Domain.Benefits.GrossProfitRate>
{
    public void Configure(EntityTypeBuilder<InternalStore.Domain.Benefits.GrossProfitRate> rate)
    {
        rate.ToTable("gross_profit_rates");
        rate.HasKey(r => r.Id);
        rate.Property(r => r.CompanyCode).HasMaxLength(20);
        rate.Property(r => r.LineOfBusiness).HasConversion<string>().HasMaxLength(20);
        rate.Property(r => r.SetBy).HasMaxLength(100);
        rate.Property(r => r.Reason).HasMaxLength(500);
        rate.HasIndex(r => new { r.CompanyCode, r.LineOfBusiness, r.Year });
    }
}
