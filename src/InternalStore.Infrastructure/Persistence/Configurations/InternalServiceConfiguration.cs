using InternalStore.Domain.InternalServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class InternalServiceConfiguration : IEntityTypeConfiguration<InternalService>
{
    public void Configure(EntityTypeBuilder<InternalService> service)
    {
        service.ToTable("internal_services");
        service.HasKey(s => s.Id);
        service.Property(s => s.Id).HasMaxLength(InternalService.MaxIdLength);
        service.Property(s => s.Name).HasMaxLength(100);
        service.Property(s => s.Unit).HasMaxLength(40);
        service.Property(s => s.Description).HasMaxLength(1000);
        service.Property(s => s.SupplierCostCenter).HasMaxLength(20);
        service.Property(s => s.Company).HasMaxLength(20);
        service.Property(s => s.Currency).HasMaxLength(3);
        service.Property(s => s.CreatedBy).HasMaxLength(100);
        service.Property(s => s.Version).IsConcurrencyToken();
        service.Ignore(s => s.Terms);
        service.HasIndex(s => s.SupplierCostCenter);
        service.OwnsMany(s => s.Rates, rate =>
        {
            rate.ToTable("internal_service_rates");
            rate.WithOwner().HasForeignKey("ServiceId");
            rate.HasKey(r => r.Id);
            rate.Property(r => r.Consumer).HasMaxLength(20);
            rate.Property(r => r.SetBy).HasMaxLength(100);
        });
        service.Navigation(s => s.Rates).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class UsageEntryConfiguration : IEntityTypeConfiguration<UsageEntry>
{
    public void Configure(EntityTypeBuilder<UsageEntry> entry)
    {
        entry.ToTable("usage_entries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.ServiceId).HasMaxLength(InternalService.MaxIdLength);
        entry.Property(e => e.ServiceName).HasMaxLength(100);
        entry.Property(e => e.Unit).HasMaxLength(40);
        entry.Property(e => e.SupplierCostCenter).HasMaxLength(20);
        entry.Property(e => e.SupplierCompany).HasMaxLength(20);
        entry.Property(e => e.ConsumerCostCenter).HasMaxLength(20);
        entry.Property(e => e.ConsumerCompany).HasMaxLength(20);
        entry.Property(e => e.Currency).HasMaxLength(3);
        entry.Property(e => e.Reference).HasMaxLength(100);
        entry.Property(e => e.Note).HasMaxLength(1000);
        entry.Property(e => e.EnteredBy).HasMaxLength(100);
        entry.Property(e => e.IdempotencyKey).HasMaxLength(100);
        entry.Property(e => e.RequestHash).HasMaxLength(64);
        entry.Property(e => e.Version).IsConcurrencyToken();
        entry.Ignore(e => e.Intercompany);
        entry.Ignore(e => e.Priced);
        entry.Ignore(e => e.Month);
        entry.HasIndex(e => new { e.EnteredBy, e.IdempotencyKey }).IsUnique();
        entry.HasIndex(e => new { e.SupplierCompany, e.Date });
        entry.HasIndex(e => new { e.ConsumerCostCenter, e.Date });
    }
}

internal sealed class AccountingPeriodConfiguration : IEntityTypeConfiguration<AccountingPeriod>
{
    public void Configure(EntityTypeBuilder<AccountingPeriod> period)
    {
        period.ToTable("accounting_periods");
        period.HasKey(p => new { p.Company, p.Month });
        period.Property(p => p.Company).HasMaxLength(20);
        period.Property(p => p.Month).HasMaxLength(7);
        period.Property(p => p.ClosedBy).HasMaxLength(100);
        period.Property(p => p.Mode).HasConversion<string>().HasMaxLength(20);
        period.Property(p => p.Version).IsConcurrencyToken();
        period.Ignore(p => p.IsClosed);
    }
}

internal sealed class CostAllocationSettingConfiguration : IEntityTypeConfiguration<CostAllocationSetting>
{
    public void Configure(EntityTypeBuilder<CostAllocationSetting> setting)
    {
        setting.ToTable("cost_allocation_settings");
        setting.HasKey(s => s.Company);
        setting.Property(s => s.Company).HasMaxLength(20);
        setting.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        setting.Property(s => s.UpdatedBy).HasMaxLength(100);
    }
}

internal sealed class StatementDisputeConfiguration : IEntityTypeConfiguration<StatementDispute>
{
    public void Configure(EntityTypeBuilder<StatementDispute> dispute)
    {
        dispute.ToTable("statement_disputes");
        dispute.HasKey(d => d.Id);
        dispute.Property(d => d.LineKind).HasConversion<string>().HasMaxLength(20);
        dispute.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        dispute.Property(d => d.CostCenter).HasMaxLength(20);
        dispute.Property(d => d.ConsumerCompany).HasMaxLength(20);
        dispute.Property(d => d.SupplierCostCenter).HasMaxLength(20);
        dispute.Property(d => d.SupplierCompany).HasMaxLength(20);
        dispute.Property(d => d.Month).HasMaxLength(7);
        dispute.Property(d => d.AdjustmentMonth).HasMaxLength(7);
        dispute.Property(d => d.Currency).HasMaxLength(3);
        dispute.Property(d => d.Reason).HasMaxLength(StatementDispute.MaxReasonLength);
        dispute.Property(d => d.Resolution).HasMaxLength(StatementDispute.MaxReasonLength);
        dispute.Property(d => d.RaisedBy).HasMaxLength(100);
        dispute.Property(d => d.ResolvedBy).HasMaxLength(100);
        dispute.Property(d => d.Version).IsConcurrencyToken();
        dispute.Ignore(d => d.Delta);
        // One dispute per line: a second (or concurrent) dispute of the same line is refused.
        dispute.HasIndex(d => d.LineId).IsUnique();
        dispute.HasIndex(d => new { d.SupplierCompany, d.Status });
        dispute.HasIndex(d => new { d.CostCenter, d.Month });
    }
}

internal sealed class StatementAcceptanceConfiguration : IEntityTypeConfiguration<StatementAcceptance>
{
    public void Configure(EntityTypeBuilder<StatementAcceptance> acceptance)
    {
        acceptance.ToTable("statement_acceptances");
        acceptance.HasKey(a => new { a.CostCenter, a.Month });
        acceptance.Property(a => a.CostCenter).HasMaxLength(20);
        acceptance.Property(a => a.Month).HasMaxLength(7);
        acceptance.Property(a => a.AcceptedBy).HasMaxLength(100);
    }
}
