using System.Net;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InternalStore.Api.Tests;

/// <summary>Health, documentation and the database schema of each provider.</summary>
public abstract class HostTests(StoreFactory store)
{
    [Fact]
    public async Task Liveness_and_readiness_answer_200_without_credentials()
    {
        var client = store.ClientFor(null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_routes_and_both_credentials()
    {
        var document = await (await store.ClientFor(null).GetAsync("/openapi/v1.json")).AssertJsonAsync(HttpStatusCode.OK);

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/products", out _));
        Assert.True(paths.TryGetProperty("/api/products/{sku}/stock", out _));
        // Routes that write with the generated serializer describe their responses as Ok<T>/Created<T> do.
        Assert.Contains("QuoteDto", Schema(paths, "/api/quotes", "post", "200"), StringComparison.Ordinal);
        Assert.Contains("OrderDto", Schema(paths, "/api/orders", "post", "201"), StringComparison.Ordinal);
        Assert.Contains("OrderDto", Schema(paths, "/api/orders", "post", "200"), StringComparison.Ordinal);
        Assert.Contains("PageOfProductDto", Schema(paths, "/api/products", "get", "200"), StringComparison.Ordinal);
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.True(schemes.TryGetProperty("Bearer", out _));
        Assert.True(schemes.TryGetProperty("ApiKey", out _));
    }

    private static string Schema(System.Text.Json.JsonElement paths, string path, string method, string status) =>
        paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(status)
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetRawText();

    [Fact]
    public async Task The_scalar_ui_is_served()
    {
        var client = store.ClientFor(null);

        var response = await client.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_committed_migrations_match_the_model()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {store.Provider} model has changes without a migration: run dotnet ef migrations add for both providers.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task The_compiled_model_is_the_model_the_configuration_builds()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StoreDbContext>();
        var compiled = db.Model;
        var built = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model;

        Assert.Contains("CompiledModels", compiled.GetType().FullName, StringComparison.Ordinal);
        Assert.NotSame(compiled, built);
        // Entity types, properties, keys, navigations (annotations are written differently by the two), and the schema.
        const MetadataDebugStringOptions shape = MetadataDebugStringOptions.LongDefault & ~MetadataDebugStringOptions.IncludeAnnotations;
        var outdated = $"The {store.Provider} compiled model is out of date: run dotnet ef dbcontext optimize for both providers (README, Development).";
        Assert.True(compiled.ToDebugString(shape) == built.ToDebugString(shape), outdated);
        Assert.True(Columns(compiled).SequenceEqual(Columns(built)), outdated);
    }

    private static IEnumerable<string> Columns(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        from type in model.GetEntityTypes()
        from property in type.GetProperties()
        let mapping = property.GetRelationalTypeMapping()
        orderby type.Name, property.Name
        select $"{type.Name}.{property.Name}: {type.GetTableName()}.{property.GetColumnName()} {mapping.StoreType} "
               + $"{property.IsNullable} {property.GetMaxLength()} {mapping.Converter?.GetType().Name}";

    [Fact]
    public async Task An_unknown_route_is_a_problem_404()
    {
        var response = await store.ClientFor(Identity.Employee).GetAsync("/api/nothing-here");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}

public sealed class HostTestsOnSqlite(SqliteStoreFactory store) : HostTests(store), IClassFixture<SqliteStoreFactory>;

public sealed class HostTestsOnPostgres(PostgresStoreFactory store) : HostTests(store), IClassFixture<PostgresStoreFactory>;
