namespace InternalStore.Infrastructure.Mail;

/// <summary>The <c>Smtp</c> section. Without a host no mail is sent: notifications are kept, shown in the shop, and mailed once a host is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>none, startTls (the default), sslOnConnect or auto (MailKit's SecureSocketOptions).</summary>
    public string Security { get; set; } = "startTls";

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender's address (From).</summary>
    public string From { get; set; } = "store@internalstore.local";

    public string FromName { get; set; } = "InternalStore";

    /// <summary>How often the sender looks for mail to send; zero or less turns it off.</summary>
    public int SendIntervalSeconds { get; set; } = 10;

    public int TimeoutSeconds { get; set; } = 30;
}
