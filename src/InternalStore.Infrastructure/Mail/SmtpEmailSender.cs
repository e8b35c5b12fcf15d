using InternalStore.Application.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace InternalStore.Infrastructure.Mail;

/// <summary>Sends the store's mail with MailKit: one connection per round of the sender, one message per notification.</summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage { MessageId = email.MessageId, Subject = email.Subject };
        message.From.Add(new MailboxAddress(settings.FromName, settings.From));
        try
        {
            message.To.Add(MailboxAddress.Parse(email.To));
        }
        catch (ParseException ex)
        {
            throw new EmailNotSentException($"'{email.To}' is not an email address.", ex);
        }

        message.Body = new TextPart("plain") { Text = email.Body };
        using var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.Port, Security(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
                await client.AuthenticateAsync(settings.Username, settings.Password ?? string.Empty, cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is CommandException or ProtocolException or IOException or System.Net.Sockets.SocketException
                                       or AuthenticationException or TimeoutException or SslHandshakeException)
        {
            throw new EmailNotSentException($"The mail server did not take the message: {ex.Message}", ex);
        }
    }

    private static SecureSocketOptions Security(string value) => value.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        _ => SecureSocketOptions.StartTls,
    };
}
