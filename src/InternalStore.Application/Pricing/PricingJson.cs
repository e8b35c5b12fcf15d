using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace InternalStore.Application.Pricing;

/// <summary>
/// JSON the store writes for itself: quote-token claims and the explanations kept on order lines.
/// Source-generated so that signing a quote serializes without reflection or the serializer's
/// resumable write stack; any other type still falls back to reflection.
/// </summary>
public static class PricingJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(PricingJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(QuoteClaims))]
[JsonSerializable(typeof(IReadOnlyList<ExplanationStepDto>))]
internal sealed partial class PricingJsonContext : JsonSerializerContext;
