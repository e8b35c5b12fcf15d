using InternalStore.Domain.Access;
using InternalStore.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> company)
    {
        company.ToTable("companies");
        company.HasKey(c => c.Code);
        company.Property(c => c.Code).HasMaxLength(20);
        company.Property(c => c.LineOfBusiness).HasConversion<string>().HasMaxLength(20);
        company.HasOne<Company>().WithMany().HasForeignKey(c => c.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CostCenterConfiguration : IEntityTypeConfiguration<CostCenter>
{
    public void Configure(EntityTypeBuilder<CostCenter> costCenter)
    {
        costCenter.ToTable("cost_centers");
        costCenter.HasKey(c => c.Code);
        costCenter.Property(c => c.Code).HasMaxLength(20);
        costCenter.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> employee)
    {
        employee.ToTable("employees");
        employee.HasKey(e => e.Id);
        employee.Property(e => e.Id).HasMaxLength(40);
        employee.Property(e => e.Email).HasMaxLength(320);
        employee.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        employee.HasOne<Company>().WithMany().HasForeignKey(e => e.CompanyCode).OnDelete(DeleteBehavior.Restrict);
        employee.HasOne<CostCenter>().WithMany().HasForeignKey(e => e.CostCenterCode).OnDelete(DeleteBehavior.Restrict);
        employee.HasIndex(e => e.CompanyCode);
        employee.Property(e => e.UserName).HasMaxLength(320);
        employee.Property(e => e.NormalizedUserName).HasMaxLength(320);
        employee.Property(e => e.ExternalId).HasMaxLength(200);
        employee.Property(e => e.GivenName).HasMaxLength(200);
        employee.Property(e => e.FamilyName).HasMaxLength(200);
        employee.HasIndex(e => e.NormalizedUserName).IsUnique();
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("api_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Hash).HasMaxLength(64);
        key.Property(k => k.Prefix).HasMaxLength(20);
        key.HasIndex(k => k.Hash).IsUnique();
        key.HasIndex(k => k.Prefix);
        key.Ignore(k => k.IsRevoked);
    }
}

internal sealed class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> token)
    {
        token.ToTable("scim_tokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Hash).HasMaxLength(64);
        token.Property(t => t.Prefix).HasMaxLength(20);
        token.Property(t => t.Name).HasMaxLength(100);
        token.HasIndex(t => t.Hash).IsUnique();
        token.HasIndex(t => t.Prefix);
        token.HasOne<Company>().WithMany().HasForeignKey(t => t.CompanyCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmployeeAuditConfiguration : IEntityTypeConfiguration<EmployeeAuditEntry>
{
    public void Configure(EntityTypeBuilder<EmployeeAuditEntry> entry)
    {
        entry.ToTable("employee_audit");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.EmployeeId).HasMaxLength(40);
        entry.Property(e => e.By).HasMaxLength(100);
        entry.Property(e => e.Field).HasMaxLength(100);
        entry.Property(e => e.Before).HasMaxLength(400);
        entry.Property(e => e.After).HasMaxLength(400);
        entry.HasOne<Employee>().WithMany().HasForeignKey(e => e.EmployeeId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.EmployeeId, e.Id });
    }
}
