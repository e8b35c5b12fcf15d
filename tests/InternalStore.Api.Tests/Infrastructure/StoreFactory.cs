using System.Net.Http.Headers;
using InternalStore.Application.Common;
using InternalStore.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests.Infrastructure;

/// <summary>
/// The whole API over real HTTP plumbing on a fresh database of one provider, migrated and seeded
/// with the demo data exactly as on a first start.
/// </summary>
public abstract class StoreFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string SigningKey = "tests-signing-key-0123456789-0123456789-abcdef";

    public abstract string Provider { get; }

    public string ConnectionString { get; private set; } = "";

    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>Settings a derived factory adds (for the host and the CLI alike).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    /// <summary>Factories for the checkout suites point Stripe.net at a <see cref="FakeStripe"/>.</summary>
    protected virtual bool WithStripe => false;

    public FakeStripe Stripe => _stripe ?? throw new InvalidOperationException("This factory has no Stripe fake.");

    private FakeStripe? _stripe;

    /// <summary>Lets a test make the next commit of a recorded PaymentIntent fail, as a crash would.</summary>
    public CommitFault Faults { get; } = new();

    public SaveWatch Saves { get; } = new();

    public async Task InitializeAsync()
    {
        if (WithStripe)
            _stripe = await FakeStripe.StartAsync();
        ConnectionString = await CreateDatabaseAsync();
        // Builds the host now and waits for its migrations and seeding (once per factory), which
        // run beside the rest of start-up: tests may use the database directly before any request.
        await Services.GetRequiredService<InternalStore.Infrastructure.Persistence.DatabaseStartup>().Ready;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DropDatabaseAsync();
        if (_stripe is not null)
            await _stripe.DisposeAsync();
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Store", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Stripe:WorkerIntervalSeconds", "0"); // tests dispatch and reconcile when they choose
        builder.UseSetting("Subscriptions:BillingIntervalMinutes", "0"); // tests bill the pay dates they choose
        builder.UseSetting("RateLimiting:PermitsPerMinute", "0"); // suites fire thousands of requests as one person
        builder.UseSetting("Console:DemoSignIn", "true"); // the console tests sign in as the demo people
        if (_stripe is not null)
        {
            builder.UseSetting("Stripe:SecretKey", FakeStripe.SecretKey);
            builder.UseSetting("Stripe:WebhookSecret", FakeStripe.WebhookSecret);
            builder.UseSetting("Stripe:ApiBase", _stripe.BaseUrl);
            builder.UseSetting("Stripe:BreakerBreakSeconds", "2");
        }

        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Faults);
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(Saves);
        });
    }

    /// <summary>Environment variables that point the CLI at this factory's database.</summary>
    public IReadOnlyDictionary<string, string> CliEnvironment => new Dictionary<string, string>
    {
        ["DOTNET_ENVIRONMENT"] = "Testing",
        ["Database__Provider"] = Provider,
        ["ConnectionStrings__Store"] = ConnectionString,
        ["Auth__SigningKey"] = SigningKey,
    }.Concat(Settings.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value)))
        .ToDictionary();

    public string Token(Identity identity) =>
        Services.GetRequiredService<TokenIssuer>().Issue(new TokenRequest(identity.Subject, identity.Roles,
            identity.Company, identity.CostCenter, identity.Affiliate));

    public HttpClient ClientFor(Identity? identity)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (identity is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(identity));
        return client;
    }

    public HttpClient ClientWithApiKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

public class SqliteStoreFactory : StoreFactory
{
    public override string Provider => "sqlite";

    protected override Task<string> CreateDatabaseAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "internalstore-tests");
        Directory.CreateDirectory(folder);
        return Task.FromResult($"Data Source={Path.Combine(folder, Guid.NewGuid().ToString("N"))}.db");
    }

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            File.Delete(path);
        return Task.CompletedTask;
    }
}

public class PostgresStoreFactory : StoreFactory
{
    public override string Provider => "postgres";

    protected override async Task<string> CreateDatabaseAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        return await server.CreateDatabaseAsync();
    }
}

public sealed class SqliteStripeStoreFactory : SqliteStoreFactory
{
    protected override bool WithStripe => true;
}

public sealed class PostgresStripeStoreFactory : PostgresStoreFactory
{
    protected override bool WithStripe => true;
}

/// <summary>A store that lets each caller make 5 requests a minute.</summary>
public sealed class SqliteRateLimitedStoreFactory : SqliteStoreFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["RateLimiting:PermitsPerMinute"] = "5" };
}

/// <summary>A store that applies the US qualified-employee-discount rule (IRC §132(c)).</summary>
public sealed class SqliteUsBenefitsStoreFactory : SqliteStoreFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Benefits:TaxRule"] = "us-qualified-employee-discount" };
}

public sealed class PostgresUsBenefitsStoreFactory : PostgresStoreFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Benefits:TaxRule"] = "us-qualified-employee-discount" };
}

/// <summary>Who calls, as a token would say. The demo people of api.md.</summary>
public sealed record Identity(string Subject, string[] Roles, string? Company = "ABC", string? CostCenter = null,
    string? Affiliate = null)
{
    public static readonly Identity Employee = new("E1001", [Application.Common.Roles.Employee]);
    public static readonly Identity OtherCompanyEmployee = new("E2001", [Application.Common.Roles.Employee], "XYZ");
    public static readonly Identity Hr = new("H9001", [Application.Common.Roles.Hr]);
    public static readonly Identity Finance = new("F9001", [Application.Common.Roles.Finance]);

    /// <summary>HR and finance of the group's parent: their scope is every company of the group.</summary>
    public static readonly Identity GroupHr = new("H0001", [Application.Common.Roles.Hr], "JKL");

    public static readonly Identity GroupFinance = new("F0001", [Application.Common.Roles.Finance], "JKL");
    public static readonly Identity Catalog = new("C9001", [Application.Common.Roles.Catalog]);
    public static readonly Identity DepartmentBuyer = new("D1200", [Application.Common.Roles.DepartmentBuyer],
        CostCenter: "CC-1200");
    /// <summary>XYZ buying from ABC at the intercompany price (the company claim names the seller).</summary>
    public static readonly Identity AffiliateBuyer = new("A3001", [Application.Common.Roles.AffiliateBuyer], "ABC",
        Affiliate: "XYZ");

    /// <summary>IT's service provider (CC-4100): offers support hours and laptop set-ups to ABC's departments.</summary>
    public static readonly Identity ItProvider = new("S4100", [Application.Common.Roles.ServiceProvider], CostCenter: "CC-4100");

    /// <summary>Packing's service provider (CC-1100): pallets packed for Dispatch.</summary>
    public static readonly Identity PackingProvider = new("S1100", [Application.Common.Roles.ServiceProvider], CostCenter: "CC-1100");

    public override string ToString() => $"{Subject}({string.Join(',', Roles)})";
}

/// <summary>A store whose read cache holds at most 100 entries a region.</summary>
public sealed class SqliteSmallCacheStoreFactory : SqliteStoreFactory
{
    public const int Entries = 100;

    protected override IReadOnlyDictionary<string, string> Settings { get; } =
        new Dictionary<string, string> { ["Pricing:CacheEntries"] = Entries.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
