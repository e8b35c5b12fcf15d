using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InternalStore.Api.Endpoints;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Catalog;

namespace InternalStore.Api.Tests;

/// <summary>
/// Every property of the product input, sent on POST and on PUT with a value other than its default,
/// reads back as sent: a field the request forgets (supplyKind once was) fails here.
/// </summary>
public sealed class ProductRoundTripTests(SqliteStoreFactory store) : IClassFixture<SqliteStoreFactory>
{
    /// <summary>A value per input property that no default produces.</summary>
    private static readonly Dictionary<string, object> Sent = new(StringComparer.Ordinal)
    {
        [nameof(ProductInput.Name)] = "Every field",
        [nameof(ProductInput.Description)] = "Described in full",
        [nameof(ProductInput.Category)] = "office",
        [nameof(ProductInput.ListPrice)] = 12.34m,
        [nameof(ProductInput.UnitCost)] = 5.67m,
        [nameof(ProductInput.Currency)] = "USD",
        [nameof(ProductInput.EmployeeDiscount)] = false,
        [nameof(ProductInput.Active)] = false,
        [nameof(ProductInput.SupplyKind)] = "service", // office goods are goods by default
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    [Fact]
    public void The_create_request_carries_every_field_of_the_product_input()
    {
        var input = typeof(ProductInput).GetProperties().Select(p => p.Name).ToHashSet();
        var request = typeof(CreateProductRequest).GetProperties().Select(p => p.Name).ToHashSet();

        Assert.Empty(input.Except(request));
        Assert.Equal(input.Order(), Sent.Keys.Order()); // a new input property needs a value here
    }

    [Fact]
    public async Task Every_input_field_sent_on_post_and_put_reads_back()
    {
        var catalog = store.ClientFor(Identity.Catalog);
        var sku = "RT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var body = Sent.ToDictionary(s => Camel(s.Key), s => s.Value);
        body["sku"] = sku;

        var created = await (await catalog.PostAsJsonAsync("/api/products", body)).AssertJsonAsync(HttpStatusCode.Created);
        AssertEveryField(created, Sent);
        AssertEveryField(await (await catalog.GetAsync($"/api/products/{sku}")).AssertJsonAsync(HttpStatusCode.OK), Sent);
        // The same request again replays (every detail compared), another supply kind is a conflict.
        await (await catalog.PostAsJsonAsync("/api/products", body)).AssertJsonAsync(HttpStatusCode.OK);
        body["supplyKind"] = "goods";
        await (await catalog.PostAsJsonAsync("/api/products", body)).AssertProblemAsync(HttpStatusCode.Conflict, "duplicate-sku");

        var changed = new Dictionary<string, object>(Sent, StringComparer.Ordinal)
        {
            [nameof(ProductInput.Name)] = "Changed",
            [nameof(ProductInput.Description)] = "Changed too",
            [nameof(ProductInput.Category)] = "home",
            [nameof(ProductInput.ListPrice)] = 20.00m,
            [nameof(ProductInput.UnitCost)] = 9.00m,
            [nameof(ProductInput.EmployeeDiscount)] = true,
            [nameof(ProductInput.Active)] = true,
            [nameof(ProductInput.SupplyKind)] = "service",
        };
        await (await catalog.PutAsJsonAsync($"/api/products/{sku}", changed.ToDictionary(s => Camel(s.Key), s => s.Value)))
            .AssertJsonAsync(HttpStatusCode.OK);
        AssertEveryField(await (await catalog.GetAsync($"/api/products/{sku}")).AssertJsonAsync(HttpStatusCode.OK), changed);
    }

    private static void AssertEveryField(JsonElement product, Dictionary<string, object> sent)
    {
        foreach (var (name, value) in sent)
        {
            var field = product.GetProperty(Camel(name));
            switch (value)
            {
                case decimal number:
                    Assert.Equal(number, field.GetDecimal());
                    break;
                case bool flag:
                    Assert.Equal(flag, field.GetBoolean());
                    break;
                default:
                    Assert.Equal(value, field.GetString());
                    break;
            }
        }
    }
}
