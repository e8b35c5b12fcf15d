using InternalStore.Domain.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class ServicePlanConfiguration : IEntityTypeConfiguration<ServicePlan>
{
    public void Configure(EntityTypeBuilder<ServicePlan> plan)
    {
        plan.ToTable("service_plans");
        plan.HasKey(p => p.Id);
        plan.Property(p => p.Id).HasMaxLength(ServicePlan.MaxIdLength);
        plan.Property(p => p.Name).HasMaxLength(ServicePlan.MaxNameLength);
        plan.Property(p => p.Sku).HasMaxLength(40);
        plan.Property(p => p.Provider).HasMaxLength(20);
        plan.Property(p => p.Period).HasConversion<string>().HasMaxLength(20);
        plan.Property(p => p.Currency).HasMaxLength(3);
        plan.Property<string>("_companies").HasColumnName("Companies").HasMaxLength(1000);
        plan.Ignore(p => p.Companies);
        plan.Ignore(p => p.Terms);
        plan.Property(p => p.UpdatedBy).HasMaxLength(100);
        plan.Property(p => p.Version).IsConcurrencyToken();
        plan.HasMany(p => p.Prices).WithOne().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
        plan.Navigation(p => p.Prices).UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        plan.HasIndex(p => p.Sku);
    }
}

internal sealed class ServicePlanPriceConfiguration : IEntityTypeConfiguration<ServicePlanPrice>
{
    public void Configure(EntityTypeBuilder<ServicePlanPrice> price)
    {
        price.ToTable("service_plan_prices");
        price.HasKey(p => p.Id);
        price.Property(p => p.PlanId).HasMaxLength(ServicePlan.MaxIdLength);
        price.Property(p => p.ChangedBy).HasMaxLength(100);
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> subscription)
    {
        subscription.ToTable("subscriptions");
        subscription.HasKey(s => s.Id);
        subscription.Property(s => s.PlanId).HasMaxLength(ServicePlan.MaxIdLength);
        subscription.Property(s => s.EmployeeId).HasMaxLength(40);
        subscription.Property(s => s.Company).HasMaxLength(20);
        subscription.Property(s => s.NextCompany).HasMaxLength(20);
        subscription.Property(s => s.Currency).HasMaxLength(3);
        subscription.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        subscription.Property(s => s.EndReason).HasMaxLength(2000);
        subscription.Property(s => s.EndedBy).HasMaxLength(100);
        subscription.Property(s => s.IdempotencyKey).HasMaxLength(100);
        subscription.Property(s => s.Version).IsConcurrencyToken();
        subscription.Ignore(s => s.IsOver);
        // One subscription per plan and employee while it runs: enrolling twice (or concurrently) gives one.
        subscription.HasIndex(s => new { s.EmployeeId, s.PlanId, s.EnrolledAt });
        subscription.HasIndex(s => new { s.EmployeeId, s.IdempotencyKey }).IsUnique();
        subscription.HasIndex(s => new { s.PlanId, s.Status });
    }
}

internal sealed class SubscriptionChargeConfiguration : IEntityTypeConfiguration<SubscriptionCharge>
{
    public void Configure(EntityTypeBuilder<SubscriptionCharge> charge)
    {
        charge.ToTable("subscription_charges");
        charge.HasKey(c => c.Id);
        charge.Property(c => c.PlanId).HasMaxLength(ServicePlan.MaxIdLength);
        charge.Property(c => c.Sku).HasMaxLength(40);
        charge.Property(c => c.EmployeeId).HasMaxLength(40);
        charge.Property(c => c.Company).HasMaxLength(20);
        charge.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        charge.Property(c => c.Currency).HasMaxLength(3);
        charge.Property(c => c.Explanation).HasMaxLength(100_000);
        charge.HasIndex(c => new { c.SubscriptionId, c.PayDate, c.Kind }).IsUnique();
        charge.HasIndex(c => new { c.PayDate, c.PlanId });
        charge.HasIndex(c => new { c.EmployeeId, c.PayDate });
    }
}
