using InternalStore.Application;
using InternalStore.Application.Common;
using InternalStore.Infrastructure.Identity;
using InternalStore.Infrastructure.Payments;
using InternalStore.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using InternalStore.Application.Pricing;

namespace InternalStore.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// <c>skus.Contains(p.Sku)</c> as one array parameter (SQLite json_each, PostgreSQL = ANY), as EF
    /// Core did before 10. EF 10's default, a parameter per element, makes the SQL depend on the list's
    /// length, so EF generates it again on every execution (seen in the order profile, inside the
    /// SQLite write gate); one parameter keeps one cached command per query.
    /// </summary>
    private const ParameterTranslationMode CollectionsAsOneParameter = ParameterTranslationMode.Parameter;

    /// <summary>Everything the API and the CLI share: application layer, database, identity.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplication();

        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.Configure<PricingOptions>(configuration.GetSection(PricingOptions.Section));
        services.Configure<InternalStore.Application.Support.SupportOptions>(
            configuration.GetSection(InternalStore.Application.Support.SupportOptions.Section));
        services.Configure<InternalStore.Application.Orders.OrderOptions>(
            configuration.GetSection(InternalStore.Application.Orders.OrderOptions.Section));
        services.Configure<InternalStore.Application.Checkout.PayrollOptions>(
            configuration.GetSection(InternalStore.Application.Checkout.PayrollOptions.Section));
        services.Configure<InternalStore.Application.Negotiation.NegotiationOptions>(
            configuration.GetSection(InternalStore.Application.Negotiation.NegotiationOptions.Section));
        services.Configure<InternalStore.Application.Checkout.InvoiceOptions>(
            configuration.GetSection(InternalStore.Application.Checkout.InvoiceOptions.Section));
        services.Configure<InternalStore.Application.Benefits.BenefitOptions>(
            configuration.GetSection(InternalStore.Application.Benefits.BenefitOptions.Section));
        services.Configure<InternalStore.Application.Subscriptions.SubscriptionOptions>(
            configuration.GetSection(InternalStore.Application.Subscriptions.SubscriptionOptions.Section));
        services.Configure<Payments.StripeOptions>(configuration.GetSection(Payments.StripeOptions.Section));
        services.Configure<Mail.SmtpOptions>(configuration.GetSection(Mail.SmtpOptions.Section));
        services.AddSingleton<InternalStore.Application.Notifications.IEmailSender, Mail.SmtpEmailSender>();
        services.AddStripeHttpClient();
        services.AddScoped<InternalStore.Application.Checkout.IPaymentGateway, Payments.StripePaymentGateway>();
        services.AddSingleton<InternalStore.Application.Checkout.IPaymentWebhookReader, Payments.StripeWebhookReader>();
        services.AddSingleton(sp => new QuoteTokens(QuoteTokenKey(sp), sp.GetRequiredService<TimeProvider>()));

        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        switch (database.Provider.Trim().ToLowerInvariant())
        {
            case DatabaseProviders.Sqlite:
                var sqlite = SqliteConnectionSetup.ConnectionString(connectionString, database);
                // Pooled: a context's internal services are set up once, not per request. The compiled model
                // (EF's dotnet ef dbcontext optimize) spares each process building the model: 1.5 s of a
                // CLI command's 3.1 s; a test keeps it equal to the configuration.
                services.AddDbContextPool<SqliteStoreDbContext>((sp, options) => options
                    .UseSqlite(sqlite, sqliteOptions => sqliteOptions.UseParameterizedCollectionMode(CollectionsAsOneParameter))
                    .UseModel(Persistence.CompiledModels.Sqlite.SqliteStoreDbContextModel.Instance)
                    .AddInterceptors(new SqlitePragmaInterceptor(), sp.GetRequiredService<CacheInvalidationInterceptor>())
                    .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
                services.AddScoped<StoreDbContext>(sp => sp.GetRequiredService<SqliteStoreDbContext>());
                services.AddSingleton<IWriteGate, SqliteWriteGate>();
                break;
            case DatabaseProviders.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new InvalidOperationException(
                        "Database:Provider is postgres but ConnectionStrings:Store is empty (environment variable ConnectionStrings__Store).");
                services.AddDbContextPool<PostgresStoreDbContext>((sp, options) => options
                    .UseNpgsql(connectionString, npgsqlOptions => npgsqlOptions.UseParameterizedCollectionMode(CollectionsAsOneParameter))
                    .UseModel(Persistence.CompiledModels.Postgres.PostgresStoreDbContextModel.Instance)
                    .AddInterceptors(sp.GetRequiredService<CacheInvalidationInterceptor>())
                    .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
                services.AddScoped<StoreDbContext>(sp => sp.GetRequiredService<PostgresStoreDbContext>());
                services.AddSingleton<IWriteGate, OpenWriteGate>();
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{database.Provider}' is not supported; use 'sqlite' or 'postgres'.");
        }

        services.AddScoped<IStoreDb>(sp => sp.GetRequiredService<StoreDbContext>());
        services.AddSingleton<CacheInvalidationInterceptor>();
        services.AddSingleton<IDatabaseErrors, DatabaseErrors>();
        services.AddScoped<DatabaseInitializer>();
        services.AddSingleton<DatabaseStartup>();
        services.AddSingleton<DemoData>();
        services.AddSingleton<ScaleData>();
        services.AddSingleton<TokenIssuer>();
        return services;
    }

    /// <summary>
    /// Pricing:QuoteTokenKey, else a key derived from the JWT signing key (so that every instance of
    /// the API agrees), else a random key for this process only.
    /// </summary>
    private static byte[] QuoteTokenKey(IServiceProvider services)
    {
        var pricing = services.GetRequiredService<IOptions<PricingOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(pricing.QuoteTokenKey))
            return QuoteTokens.DeriveKey(pricing.QuoteTokenKey);
        var signingKey = services.GetRequiredService<IOptions<AuthOptions>>().Value
            .ResolveSigningKey(services.GetRequiredService<IHostEnvironment>());
        return signingKey is null
            ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)
            : QuoteTokens.DeriveKey("quote:" + signingKey);
    }
}
