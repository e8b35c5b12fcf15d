using System.Text.Json;
using System.Text.Json.Serialization;
using InternalStore.Api.Endpoints;
using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using InternalStore.Application.Orders;
using InternalStore.Application.Pricing;

namespace InternalStore.Api;

/// <summary>
/// Source-generated JSON for the busiest requests and responses (quotes, orders, the catalog page),
/// with the API's settings (web defaults, numbers only as numbers). Requests are read through it (it
/// is first in the API's resolver chain); those routes write their responses with its own options
/// (<see cref="Endpoints.GeneratedOk{T}"/>), where the generated fast path applies. The fast path
/// needs the default encoder, so these answers escape non-ASCII and HTML-sensitive characters
/// (<c>\u00E9</c>) where the other routes, on ASP.NET Core's relaxed encoder, write them as they
/// are: the same JSON values. Every other type is still served by reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(QuoteRequest))]
[JsonSerializable(typeof(QuoteDto))]
[JsonSerializable(typeof(PlaceOrderRequest))]
[JsonSerializable(typeof(OrderDto))]
[JsonSerializable(typeof(ProductDto))]
[JsonSerializable(typeof(Page<ProductDto>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
