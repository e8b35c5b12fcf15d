using InternalStore.Domain.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class SupportCaseConfiguration : IEntityTypeConfiguration<SupportCase>
{
    public void Configure(EntityTypeBuilder<SupportCase> @case)
    {
        @case.ToTable("support_cases");
        @case.HasKey(c => c.Id);
        @case.Property(c => c.Company).HasMaxLength(20);
        @case.Property(c => c.Category).HasConversion<string>().HasMaxLength(40);
        @case.Property(c => c.Team).HasConversion<string>().HasMaxLength(20);
        @case.Property(c => c.Priority).HasConversion<string>().HasMaxLength(10);
        @case.Property(c => c.State).HasConversion<string>().HasMaxLength(10);
        @case.Property(c => c.Subject).HasMaxLength(SupportCase.MaxSubjectLength);
        @case.Property(c => c.RequesterId).HasMaxLength(100);
        @case.Property(c => c.RequesterRole).HasMaxLength(40);
        @case.Property(c => c.Assignee).HasMaxLength(100);
        @case.Property(c => c.IdempotencyKey).HasMaxLength(100);
        @case.Property(c => c.RequestHash).HasMaxLength(64);
        @case.Property(c => c.Version).IsConcurrencyToken();
        @case.Ignore(c => c.IsOpenForWork);
        @case.HasIndex(c => new { c.RequesterId, c.IdempotencyKey }).IsUnique();
        @case.HasIndex(c => new { c.Company, c.Team, c.State });
        @case.HasIndex(c => c.RequesterId);
        @case.OwnsMany(c => c.Messages, message =>
        {
            message.ToTable("support_case_messages");
            message.WithOwner().HasForeignKey("CaseId");
            message.HasKey(m => m.Id);
            // The domain sets a message's id; without this EF would take a new message for an existing row.
            message.Property(m => m.Id).ValueGeneratedNever();
            message.Property(m => m.Author).HasMaxLength(100);
            message.Property(m => m.Text).HasMaxLength(SupportCase.MaxMessageLength);
        });
        @case.Navigation(c => c.Messages).UsePropertyAccessMode(PropertyAccessMode.Field);
        @case.OwnsMany(c => c.Links, link =>
        {
            link.ToTable("support_case_links");
            link.WithOwner().HasForeignKey("CaseId");
            link.Property<long>("Id");
            link.HasKey("Id");
            link.Property(l => l.Type).HasMaxLength(20);
            link.Property(l => l.Target).HasMaxLength(120);
            link.HasIndex(l => new { l.Type, l.Target });
        });
        @case.Navigation(c => c.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SupportCalendarConfiguration : IEntityTypeConfiguration<SupportCalendarSetting>
{
    public void Configure(EntityTypeBuilder<SupportCalendarSetting> calendar)
    {
        calendar.ToTable("support_calendars");
        calendar.HasKey(c => c.Company);
        calendar.Property(c => c.Company).HasMaxLength(20);
        calendar.Property(c => c.TimeZone).HasMaxLength(64);
        calendar.Property(c => c.WorkingDays).HasMaxLength(40);
        calendar.Property(c => c.Holidays).HasMaxLength(4000);
        calendar.Property(c => c.UpdatedBy).HasMaxLength(100);
        calendar.Property(c => c.Version).IsConcurrencyToken();
    }
}
