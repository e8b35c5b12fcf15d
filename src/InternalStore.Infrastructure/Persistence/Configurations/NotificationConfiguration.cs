using InternalStore.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InternalStore.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Recipient).HasMaxLength(100);
        notification.Property(n => n.Email).HasMaxLength(320);
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        notification.Property(n => n.Title).HasMaxLength(Notification.MaxTitleLength);
        notification.Property(n => n.Body).HasMaxLength(Notification.MaxBodyLength);
        notification.Property(n => n.Link).HasMaxLength(200);
        notification.Property(n => n.EmailStatus).HasConversion<string>().HasMaxLength(20);
        notification.Ignore(n => n.MessageId);
        notification.HasIndex(n => new { n.Recipient, n.CreatedAt });
    }
}
