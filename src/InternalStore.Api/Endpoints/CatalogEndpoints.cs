using System.ComponentModel.DataAnnotations;
using InternalStore.Api.Auth;
using InternalStore.Application.Catalog;
using InternalStore.Application.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using InternalStore.Api.OpenApi;
using Microsoft.AspNetCore.Mvc;

namespace InternalStore.Api.Endpoints;

public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/products").WithTags("Catalog");

        products.MapGet("/", ListProducts).RequireAuthorization(Policies.AnyCaller)
            .WithSummary("A page of the catalog; unitCost only for catalog and finance.");
        products.MapGet("/{sku}", GetProduct).RequireAuthorization(Policies.AnyCaller).WithName("GetProduct")
            .WithSummary("One product; unitCost only for catalog and finance, an inactive one only for catalog.");
        products.MapPost("/", CreateProduct).RequireAuthorization(Policies.Catalog)
            .WithSummary("Create a product. Repeating the same request is harmless; another product with the same SKU is 409.");
        // As the roster import: no Accepts("text/csv") metadata, which would answer 415 before authentication's 401.
        products.MapPost("/import", ImportProducts).RequireAuthorization(Policies.Catalog)
            .WithRawRequestBody("text/csv", $"The products, UTF-8 CSV with a header row: {ProductCsv.Columns}.")
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimits.MaxImportBytes))
            .WithSummary("Upsert products by SKU from CSV; any invalid row applies nothing. dryRun=true only checks.");
        products.MapPut("/{sku}", UpdateProduct).RequireAuthorization(Policies.Catalog)
            .WithSummary("Change a product's name, description, category, prices and flags; its currency is fixed.");
        products.MapPost("/{sku}/stock", AdjustStock).RequireAuthorization(Policies.Catalog)
            .WithSummary("Adjust stock by a signed delta with a reason; Idempotency-Key makes retries safe.");
        products.MapGet("/{sku}/stock", ListStockAdjustments).RequireAuthorization(Policies.Catalog)
            .WithSummary("The recorded stock adjustments of a product, newest first.");
        return app;
    }

    private static async Task<GeneratedOk<Page<ProductDto>>> ListProducts(HttpContext http, ISender sender,
        string? category, string? q, int? page, int? pageSize, CancellationToken ct) =>
        new(await sender.Send(new ListProductsQuery(http.User.ToCaller(), category, q, page ?? 1,
            pageSize ?? Paging.DefaultPageSize), ct), ApiJsonContext.Default.PageProductDto);

    private static async Task<Ok<ProductDto>> GetProduct(HttpContext http, ISender sender, string sku,
        CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetProductQuery(http.User.ToCaller(), sku), ct));

    private static async Task<Results<Created<ProductDto>, Ok<ProductDto>>> CreateProduct(HttpContext http,
        ISender sender, CreateProductRequest request, CancellationToken ct)
    {
        var result = await sender.Send(new CreateProductCommand(http.User.ToCaller(), request.Sku,
            request.ToInput(), request.StockOnHand), ct);
        return result.Created
            ? TypedResults.Created($"/api/products/{Uri.EscapeDataString(result.Product.Sku)}", result.Product)
            : TypedResults.Ok(result.Product);
    }

    /// <summary>A rejected file is 400 problem details naming each problem by line and column, with the report.</summary>
    private static async Task<Results<Ok<ProductImportReport>, ValidationProblem>> ImportProducts(HttpContext http, ISender sender,
        bool? dryRun, CancellationToken ct)
    {
        var report = await sender.Send(new ImportProductsCommand(http.User.ToCaller(), http.Request.Body, dryRun ?? false), ct);
        if (report.Problems.Count == 0)
            return TypedResults.Ok(report);
        var errors = report.Problems.GroupBy(p => $"line {p.Line}" + (p.Column.Length > 0 ? $": {p.Column}" : ""))
            .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        return TypedResults.ValidationProblem(errors, $"{report.Invalid} line(s) have problems; nothing was imported.",
            title: "The product file is not valid.", extensions: new Dictionary<string, object?> { ["code"] = "validation", ["report"] = report });
    }

    private static async Task<Ok<ProductDto>> UpdateProduct(HttpContext http, ISender sender, string sku,
        ProductInput request, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateProductCommand(http.User.ToCaller(), sku, request), ct));

    private static async Task<Results<Created<StockAdjustmentDto>, Ok<StockAdjustmentDto>>> AdjustStock(
        HttpContext http, ISender sender, string sku, StockAdjustmentRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken ct)
    {
        var result = await sender.Send(new AdjustStockCommand(http.User.ToCaller(), sku, request.Delta,
            request.Reason, idempotencyKey), ct);
        return result.Replayed
            ? TypedResults.Ok(result.Adjustment)
            : TypedResults.Created($"/api/products/{Uri.EscapeDataString(sku)}/stock", result.Adjustment);
    }

    private static async Task<Ok<Page<StockAdjustmentDto>>> ListStockAdjustments(HttpContext http, ISender sender, string sku,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListStockAdjustmentsQuery(http.User.ToCaller(), sku, page ?? 1,
            pageSize ?? Paging.DefaultPageSize), ct));
}

public sealed record CreateProductRequest(
    [property: Required] string? Sku,
    [property: Required] string? Name,
    string? Description,
    [property: Required] string? Category,
    [property: Required] decimal? ListPrice,
    [property: Required] decimal? UnitCost,
    string? Currency,
    bool? EmployeeDiscount,
    bool? Active,
    int? StockOnHand,
    string? SupplyKind = null)
{
    /// <summary>The product input: every field of <see cref="ProductInput"/> (a test holds the two lists equal).</summary>
    public ProductInput ToInput() =>
        new(Name, Description, Category, ListPrice, UnitCost, Currency, EmployeeDiscount, Active, SupplyKind);
}

public sealed record StockAdjustmentRequest(int? Delta, string? Reason);
