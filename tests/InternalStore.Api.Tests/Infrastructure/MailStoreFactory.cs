using System.Net;
using System.Net.Sockets;
using netDumbster.smtp;

namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>
/// A local SMTP server (netDumbster) on 127.0.0.1 in the test process, and the store's mail settings
/// pointing at it. The server can be stopped and started again on the same port, as a mail server that
/// goes away for a while.
/// </summary>
public sealed class LocalSmtp : IDisposable
{
    private readonly int _port;

    public LocalSmtp()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Server = Start();
    }

    public SimpleSmtpServer Server { get; private set; }

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "none",
        ["Smtp:From"] = "store@abc.example",
        ["Smtp:SendIntervalSeconds"] = "1",
        ["Smtp:TimeoutSeconds"] = "5",
    };

    /// <summary>The messages received with this Message-ID (MailKit writes it in angle brackets).</summary>
    public IReadOnlyList<SmtpMessage> WithMessageId(string messageId) =>
        Server.ReceivedEmail.Where(m => m.Headers["Message-ID"]?.Trim('<', '>', ' ') == messageId).ToList();

    public void GoAway() => Server.Stop();

    public void ComeBack() => Server = Start();

    private SimpleSmtpServer Start() => Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(_port).Build();

    public void Dispose() => Server.Dispose();
}

public sealed class SqliteMailStoreFactory : SqliteStoreFactory
{
    public LocalSmtp Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => Smtp.Settings;

    protected override Task DropDatabaseAsync()
    {
        Smtp.Dispose();
        return base.DropDatabaseAsync();
    }
}

public sealed class PostgresMailStoreFactory : PostgresStoreFactory
{
    public LocalSmtp Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string> Settings => Smtp.Settings;

    protected override Task DropDatabaseAsync()
    {
        Smtp.Dispose();
        return base.DropDatabaseAsync();
    }
}
