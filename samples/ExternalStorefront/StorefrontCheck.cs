using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InternalStore.Pricing;

namespace ExternalStorefront;

public sealed record Comparison(bool Agree, string Report, decimal LocalSubtotal, decimal ServerSubtotal);

/// <summary>
/// Prices a cart twice: in-process with the pricing library (from the public catalog and today's
/// public promotions), and through POST /api/quotes with the storefront key. Both must agree.
/// </summary>
public static class StorefrontCheck
{
    public static async Task<Comparison> CompareAsync(HttpClient http, IReadOnlyList<(string Sku, int Quantity)> cart)
    {
        var rules = await http.GetFromJsonAsync<JsonElement>("/api/storefront/rules");
        var items = new List<CatalogItem>();
        foreach (var (sku, _) in cart)
        {
            var product = await http.GetFromJsonAsync<JsonElement>($"/api/products/{Uri.EscapeDataString(sku)}");
            // External prices never depend on cost, which the storefront is not shown.
            items.Add(new CatalogItem(sku, product.GetProperty("category").GetString()!,
                product.GetProperty("listPrice").GetDecimal(), UnitCost: 0m));
        }

        var asOf = DateOnly.Parse(rules.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture);
        var promotions = rules.GetProperty("promotions").EnumerateArray().Select(p => new Promotion(
            p.GetProperty("id").GetString()!, p.GetProperty("percent").GetDecimal(),
            p.GetProperty("audience").GetString() == "external" ? PromotionAudience.External : PromotionAudience.All,
            DateOnly.Parse(p.GetProperty("from").GetString()!, CultureInfo.InvariantCulture),
            DateOnly.Parse(p.GetProperty("to").GetString()!, CultureInfo.InvariantCulture),
            p.GetProperty("sku").GetString(), p.GetProperty("category").GetString())).ToList();
        var policy = new DiscountPolicy
        {
            Rounding = rules.GetProperty("rounding").GetString() == "halfEven" ? RoundingMode.HalfEven : RoundingMode.HalfUp,
        };
        var local = PricingEngine.Price(policy, promotions, new TransferPricing(0, [], 0), new PricingCatalog(items),
            ExternalBuyer.Instance, cart.Select(l => new CartLine(l.Sku, l.Quantity)).ToList(), asOf,
            rules.GetProperty("currency").GetString()!);
        if (!local.IsSuccess)
            throw new InvalidOperationException($"The library refused the cart: {local.Error.Message}");

        var response = await http.PostAsJsonAsync("/api/quotes", new { lines = cart.Select(l => new { sku = l.Sku, quantity = l.Quantity }) });
        response.EnsureSuccessStatusCode();
        var server = await response.Content.ReadFromJsonAsync<JsonElement>();

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{"sku",-8} {"qty",4} {"library",10} {"server",10}");
        var agree = true;
        var serverLines = server.GetProperty("lines").EnumerateArray().ToList();
        for (var i = 0; i < local.Quote.Lines.Count; i++)
        {
            var mine = local.Quote.Lines[i];
            var theirs = serverLines[i].GetProperty("lineTotal").GetDecimal();
            agree &= mine.LineTotal == theirs && mine.Sku == serverLines[i].GetProperty("sku").GetString();
            report.AppendLine(CultureInfo.InvariantCulture, $"{mine.Sku,-8} {mine.Quantity,4} {mine.LineTotal,10} {theirs,10}");
        }

        var serverSubtotal = server.GetProperty("subtotal").GetDecimal();
        agree &= local.Quote.Subtotal == serverSubtotal && server.GetProperty("pricedAs").GetString() == "external";
        report.AppendLine(CultureInfo.InvariantCulture, $"{"total",-13} {local.Quote.Subtotal,10} {serverSubtotal,10}");
        report.Append(agree ? "The library and the API agree." : "MISMATCH: the library and the API disagree.");
        return new Comparison(agree, report.ToString(), local.Quote.Subtotal, serverSubtotal);
    }
}
