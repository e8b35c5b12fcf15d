using InternalStore.Api;
using InternalStore.Api.Auth;
using InternalStore.Api.Console;
using InternalStore.Api.Endpoints;
using InternalStore.Api.Errors;
using InternalStore.Api.OpenApi;
using InternalStore.Api.Scim;
using InternalStore.Infrastructure;
using InternalStore.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Logging.AddSimpleConsole(options =>
{
    options.SingleLine = true;
    options.TimestampFormat = "HH:mm:ss ";
});
// Kestrel's ceiling; the middleware below applies 1 MiB per request unless an endpoint allows more.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxImportBytes);
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddStoreAuth(builder.Configuration, builder.Environment);
builder.Services.AddStoreConsole(builder.Configuration, builder.Environment);
builder.Services.AddStoreProblemDetails();
builder.Services.AddStoreTelemetry(builder.Configuration);
builder.Services.AddStoreRateLimits(builder.Configuration);
builder.Services.AddStoreCors(builder.Configuration);
builder.Services.AddStoreProxy(builder.Configuration);
builder.Services.AddStoreDataProtection(); // one key ring for every instance, in the database
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.Configure<JsonOptions>(options =>
{
    // A number is a JSON number: "2" is not a quantity, and a price is never read from a string.
    options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
    options.SerializerOptions.AllowTrailingCommas = false;
    options.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
});
builder.Services.AddOpenApi(options =>
{
    options.AddDocumentTransformer<SecuritySchemesTransformer>();
    options.AddDocumentTransformer<PolicyDocumentSchema>();
    options.AddSchemaTransformer<RequiredFieldsTransformer>();
    options.AddOperationTransformer<RawRequestBodyTransformer>(); // before the problems: a body brings its 400 and 413
    options.AddOperationTransformer<ProblemResponsesTransformer>();
});
builder.Services.AddHostedService<InternalStore.Infrastructure.OrderExpiryWorker>();
builder.Services.AddHostedService<InternalStore.Infrastructure.SettlementWorker>();
builder.Services.AddHostedService<InternalStore.Infrastructure.SubscriptionBillingWorker>();
builder.Services.AddHostedService<InternalStore.Infrastructure.NotificationWorker>();
builder.Services.AddHostedService<InternalStore.Infrastructure.CaseCloseWorker>();
builder.Services.AddHealthChecks().AddDbContextCheck<StoreDbContext>("database", tags: ["ready"]);

var app = builder.Build();
app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme

// Migrations and demo data run while the rest of start-up goes on; requests wait for them.
var database = app.Services.GetRequiredService<DatabaseStartup>();
database.Start(onFailure: () =>
{
    Environment.ExitCode = 1;
    app.Lifetime.StopApplication();
});
app.Use(async (context, next) =>
{
    if (!database.Ready.IsCompletedSuccessfully)
        await database.Ready;
    await next(context);
});

app.UseSecurityHeaders(app.Services.GetRequiredService<OidcOptions>().Origin);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseStaticFiles();
app.UseCors();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapOpenApi();
app.MapScalarApiReference(options => options.WithTitle("InternalStore API"));

app.MapCatalogEndpoints();
app.MapPeopleEndpoints();
app.MapPricingEndpoints();
app.MapPolicyEndpoints();
app.MapPromotionEndpoints();
app.MapOrderEndpoints();
app.MapCheckoutEndpoints();
app.MapCartEndpoints();
app.MapNegotiationEndpoints();
app.MapFinanceEndpoints();
app.MapSubscriptionEndpoints();
app.MapInternalServiceEndpoints();
app.MapSupportEndpoints();
app.MapScimEndpoints();
app.MapBenchmarkEndpoints(app.Configuration);
app.MapRazorPages();
app.MapGet("/", () => Results.Redirect("/shop")).ExcludeFromDescription();

try
{
    await app.RunAsync();
}
catch (OperationCanceledException) when (Environment.ExitCode == 1)
{
    // The database failed while the host was still starting (data protection waits for the migrations): the stop
    // cancels the start; the failure is logged above and the exit code says it.
}

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
