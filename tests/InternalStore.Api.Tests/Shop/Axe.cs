using System.Text.Json;
using Microsoft.Playwright;

namespace InternalStore.Api.Tests.Shop;

/// <summary>axe-core (vendored) run in the page: the serious and critical violations, each with the elements it found.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Shop", "axe", "axe.min.js")));

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(Source.Value);
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return [.. found.EnumerateArray().Select(v => v.GetString()!)];
    }

    public static async Task AssertNoneAsync(IPage page)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}: " + string.Join(Environment.NewLine, violations));
    }
}
