using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace InternalStore.Api.OpenApi;

/// <summary>
/// The policy document is read by the pricing engine from JSON (DiscountPolicyJson), not bound to a C# type, so it
/// is described here once, as docs/pricing.md defines it, and every <c>document</c> of a policy schema points to it.
/// Percents and amounts are written as decimal strings.
/// </summary>
internal sealed class PolicyDocumentSchema : IOpenApiDocumentTransformer
{
    public const string Id = "PolicyDocument";
    private static readonly string[] PolicySchemas = ["PolicyRequest", "PolicyVersionDto", "PolicyUpdateRequest"];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Id] = Describe();
        foreach (var (name, schema) in document.Components.Schemas)
        {
            if (PolicySchemas.Contains(name) && schema is OpenApiSchema { Properties: { } properties } && properties.ContainsKey("document"))
                properties["document"] = new OpenApiSchemaReference(Id, document);
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Decimal(string description) =>
        new() { Type = JsonSchemaType.String, Pattern = @"^-?\d+(\.\d+)?$", Description = description };

    private static OpenApiSchema Integer(string description) => new() { Type = JsonSchemaType.Integer, Format = "int32", Description = description };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Object(Dictionary<string, IOpenApiSchema> properties, params string[] required) =>
        new() { Type = JsonSchemaType.Object, Properties = properties, Required = required.ToHashSet(StringComparer.Ordinal) };

    private static OpenApiSchema Describe()
    {
        var tier = Object(new()
        {
            ["id"] = Text("The tier's name, shown in every explanation."),
            ["percent"] = Decimal("Discount off list price, 0 to 100."),
            ["minGrade"] = Integer("Lowest grade the tier applies to."),
            ["minTenureMonths"] = Integer("Months of service the tier needs."),
        }, "id", "percent");
        var categoryRule = Object(new()
        {
            ["category"] = Text("A catalog category, e.g. electronics."),
            ["exclude"] = new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "No employee discount in this category." },
            ["percent"] = Decimal("This category's percent instead of the tier's."),
            ["maxPercent"] = Decimal("A ceiling on the discount in this category."),
        }, "category");
        var quantityLimit = Object(new()
        {
            ["sku"] = Text("The product limited (anti-resale)."),
            ["maxUnits"] = Integer("Units one employee may buy in the window."),
            ["windowDays"] = Integer("The rolling window, in days."),
        }, "sku", "maxUnits", "windowDays");
        var policy = Object(new()
        {
            ["tiers"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = tier, Description = "Tiers, the first an employee qualifies for applies." },
            ["probationDays"] = Integer("Days after hire with no employee discount."),
            ["categoryRules"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = categoryRule },
            ["minMarginPercent"] = Decimal("The floor: no price below cost plus this margin."),
            ["annualAllowance"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null, Pattern = @"^\d+(\.\d+)?$",
                Description = "Yearly cap on the discount an employee receives; null for none.",
            },
            ["quantityLimits"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = quantityLimit },
            ["promotionStacking"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("best"), System.Text.Json.Nodes.JsonValue.Create("compound")],
                Description = "best: the larger of promotion and employee discount; compound: one after the other. Default best.",
            },
            ["rounding"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("halfUp"), System.Text.Json.Nodes.JsonValue.Create("halfEven")],
                Description = "Rounding to the currency's minor unit. Default halfUp.",
            },
        }, "tiers");
        policy.Description = "A discount policy: tiers, category rules, floor, yearly allowance, quantity limits (docs/pricing.md).";
        return policy;
    }
}
