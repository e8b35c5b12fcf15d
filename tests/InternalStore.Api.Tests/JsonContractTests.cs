using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using InternalStore.Api.Endpoints;
using InternalStore.Api.Tests.Infrastructure;
using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Application.Pricing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InternalStore.Api.Tests;

/// <summary>
/// The busiest requests and responses are serialized by source-generated code; the wire format must
/// stay exactly what reflection wrote before (clients and stored quote tokens rely on it).
/// </summary>
public sealed class JsonContractTests(SqliteStoreFactory store) : IClassFixture<SqliteStoreFactory>
{
    private static readonly JsonSerializerOptions WebReflection = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly DateTimeOffset At = new(2026, 11, 26, 9, 30, 0, TimeSpan.Zero);

    private static readonly QuoteDto Quote = new("USD", "employee",
        [
            new QuoteLineDto("CAP-01", "Baseball cap", 2, 19.00m, 12.35m, 24.70m, 13.30m, 6.65m,
            [
                new ExplanationStepDto("list", "listPrice", 19.00m, 19.00m, "List price."),
                new ExplanationStepDto("category:apparel", "categoryRule", 15.20m, 12.35m, "Category apparel: \"35 %\" <b>"),
            ]),
        ],
        24.70m, 13.30m, 6.65m, [new ViolationDto("LAP-13", "quantity-limit", 0)], "token.sig", At);

    private static readonly OrderDto Order = new(Guid.Parse("0b7f4c1e-9f1d-4a43-9a55-1d2f0f9c1a11"), "reserved", "department",
        "D1200", "ABC", null, "EUR",
        [new OrderLineDto("LAP-13", "Laptop 13", 1, 1299.00m, 1039.20m, 1039.20m, 259.80m, 0m, 1299.00m, 0)],
        1039.20m, 259.80m, 0m, At, At.AddMinutes(30), [new OrderStatusChangeDto(null, "reserved", "D1200", At, "placed")]);

    private static readonly ProductDto Product = new()
    {
        Sku = "LAP-13", Name = "Laptop 13", Description = "A laptop", Category = "electronics", ListPrice = 1299.00m,
        UnitCost = null, Currency = "EUR", EmployeeDiscount = true, Active = true, SupplyKind = "goods",
        StockOnHand = 12, UpdatedAt = At,
    };

    public static TheoryData<string> Samples => ["quote", "order", "product", "page"];

    private static object Sample(string name) => name switch
    {
        "quote" => Quote,
        "order" => Order,
        "product" => Product,
        _ => new Page<ProductDto>([Product, Product with { UnitCost = 700.10m }], 2, 20, 41),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Generated_responses_are_exactly_what_reflection_writes_with_the_apis_options(string name)
    {
        var api = store.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var value = Sample(name);

        // The hot routes write with the context's own options (the fast path); other routes with the
        // API's. Same names, numbers and values; only the escaping of non-ASCII and HTML characters differs.
        var generated = JsonSerializer.Serialize(value, ApiJsonContext.Default.GetTypeInfo(value.GetType())!);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(value, value.GetType(), ReflectionOnly(api))),
            System.Text.Json.Nodes.JsonNode.Parse(generated)), generated);
        Assert.Equal(JsonSerializer.Serialize(value, value.GetType(), ReflectionOnly(api, defaultEncoder: true)), generated);
    }

    [Fact]
    public async Task The_catalog_page_is_written_by_the_generated_serializer_and_a_single_product_by_the_shared_options()
    {
        var sku = "JSON-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        (await store.ClientFor(Identity.Catalog).PostJsonAsync("/api/products", new
        {
            sku, name = $"Café {sku}", description = "escaping probe", category = "office", listPrice = 3.00m, unitCost = 1.00m,
            currency = "USD", employeeDiscount = true, active = true, stockOnHand = 1,
        })).EnsureSuccessStatusCode();
        var client = store.ClientFor(Identity.Employee);

        // The escaping tells the two writers apart: the generated one's default encoder writes \u00E9.
        var page = await client.GetStringAsync($"/api/products?q={sku}");
        var single = await client.GetStringAsync($"/api/products/{sku}");

        Assert.Contains($"\"name\":\"Caf\\u00E9 {sku}\"", page, StringComparison.Ordinal);
        Assert.Contains($"\"name\":\"Café {sku}\"", single, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_are_read_by_the_generated_context_with_the_apis_rules()
    {
        var api = store.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        Assert.IsType<ApiJsonContext>(api.GetTypeInfo(typeof(QuoteRequest)).OriginatingResolver);
        Assert.IsType<ApiJsonContext>(api.GetTypeInfo(typeof(PlaceOrderRequest)).OriginatingResolver);

        var order = JsonSerializer.Deserialize<PlaceOrderRequest>("""{"LINES":[{"sku":"CAP-01","quantity":2}],"quoteToken":"t"}""", api)!;
        Assert.Equal(("CAP-01", 2L, "t"), (order.Lines![0].Sku, order.Lines[0].Quantity, order.QuoteToken));
        var quoted = Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<QuoteRequest>("""{"lines":[{"sku":"CAP-01","quantity":"2"}]}""", api));
        Assert.Equal("$.lines[0].quantity", quoted.Path);
    }

    [Fact]
    public void Quote_token_claims_keep_the_shape_tokens_were_signed_with()
    {
        var claims = new QuoteClaims("E1001", "employee", "USD", [new QuotedLine("LAP-13", 1, 1169.10m, 1169.10m, 129.90m)],
            1169.10m, 129.90m, At);
        var token = new QuoteTokens(QuoteTokens.DeriveKey("test"), TimeProvider.System).Sign(claims);

        var payload = System.Buffers.Text.Base64Url.DecodeFromChars(token.AsSpan(0, token.IndexOf('.')));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(claims, WebReflection), payload);
        Assert.IsAssignableFrom<System.Text.Json.Serialization.JsonSerializerContext>(PricingJson.Options.GetTypeInfo(typeof(QuoteClaims)).OriginatingResolver);
    }

    private static JsonSerializerOptions ReflectionOnly(JsonSerializerOptions api, bool defaultEncoder = false) =>
        new(api) { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), Encoder = defaultEncoder ? null : api.Encoder };
}
