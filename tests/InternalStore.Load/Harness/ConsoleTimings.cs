using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace InternalStore.Load.Harness;

public sealed record PageTiming(string Page, string As, int Status, double MedianMs, double P95Ms, double MaxMs);

/// <summary>
/// Server response time of every console and shop page on the demo data: each page signed in as the
/// person who uses it, warmed, then requested one at a time (no load: this is what one person waits).
/// </summary>
public static partial class ConsoleTimings
{
    public static async Task<IReadOnlyList<PageTiming>> MeasureAsync(Uri baseAddress, int rounds, Action<string> log)
    {
        var results = new List<PageTiming>();
        foreach (var (subject, area, pages) in Pages)
        {
            using var client = await SignInAsync(baseAddress, subject, area);
            foreach (var page in pages(client))
            {
                var url = await page;
                for (var i = 0; i < 3; i++)
                    (await client.GetAsync(url)).Dispose();
                var times = new List<double>();
                var status = 0;
                for (var i = 0; i < rounds; i++)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await client.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    status = (int)response.StatusCode;
                }

                times.Sort();
                var timing = new PageTiming(url, subject, status, times[times.Count / 2], times[(int)Math.Min(times.Count - 1, Math.Ceiling(times.Count * 0.95) - 1)], times[^1]);
                log($"{timing.Page} as {subject}: {status}, median {timing.MedianMs:0.0} ms, p95 {timing.P95Ms:0.0} ms");
                results.Add(timing);
            }
        }

        return results;
    }

    private static readonly (string Subject, string Area, Func<HttpClient, IEnumerable<Task<string>>> Pages)[] Pages =
        [
            ("H9001", "/console", HrPages),
            ("F9001", "/console", _ => Fixed("/console", "/console/finance/chargebacks", "/console/finance/chargebacks?handler=csv", "/console/finance/payroll",
                "/console/finance/invoices", "/console/finance/transfer-pricing", "/console/finance/benefits")),
            ("C9001", "/console", _ => Fixed("/console/catalog/products", "/console/catalog/products/LAP-13")),
            ("E1001", "/shop", ShopPages),
            ("D1200", "/shop", _ => Fixed("/shop", "/shop/products/MON-27")),
        ];

    /// <summary>
    /// The shop as an employee uses it: the catalog, a search, a category, a product, a cart of three
    /// items and its checkout with a payroll schedule, then the order that checkout placed, the orders and the benefits.
    /// </summary>
    private static IEnumerable<Task<string>> ShopPages(HttpClient client)
    {
        foreach (var url in new[] { "/shop", "/shop?q=laptop", "/shop?category=electronics", "/shop/products/LAP-13" })
            yield return Task.FromResult(url);
        yield return FillCartAsync(client, "/shop/cart");
        yield return Task.FromResult("/shop/checkout?installments=3");
        yield return CheckOutAsync(client);
        yield return Task.FromResult("/shop/orders");
        yield return Task.FromResult("/shop/benefits");
    }

    private static async Task<string> FillCartAsync(HttpClient client, string then)
    {
        foreach (var sku in new[] { "HDP-01", "TSH-01", "BAG-01" })
            (await PostFormAsync(client, "/shop", "/shop?handler=Add", new() { ["sku"] = sku, ["quantity"] = "1" })).Dispose();
        return then;
    }

    /// <summary>Confirms the checkout page's payroll form, as the employee does; the order's page is next.</summary>
    private static async Task<string> CheckOutAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/shop/checkout?installments=3");
        var key = CheckoutKey().Match(html).Groups[1].Value;
        using var response = await PostFormAsync(client, "/shop/checkout?installments=3", "/shop/checkout?installments=3",
            new() { ["key"] = key, ["method"] = "payroll" });
        return response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString
            : throw new InvalidOperationException($"Could not check out: {(int)response.StatusCode}");
    }

    private static IEnumerable<Task<string>> Fixed(params string[] urls) => urls.Select(Task.FromResult);

    private static IEnumerable<Task<string>> HrPages(HttpClient client)
    {
        foreach (var url in new[] { "/console", "/console/hr/policies", "/console/hr/people", "/console/hr/people/E1001", "/console/hr/people/import" })
            yield return Task.FromResult(url);
        var draft = DraftAsync(client);
        yield return draft;
        yield return Then(draft, "/simulate");
        yield return Then(draft, "/audit");
    }

    private static async Task<string> Then(Task<string> page, string suffix) => await page + suffix;

    /// <summary>A draft of ABC's own policy, started from the group policy in force, as HR does on the policies page.</summary>
    private static async Task<string> DraftAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/console/hr/policies");
        var from = InForceId().Match(html).Groups[1].Value;
        using var response = await PostFormAsync(client, "/console/hr/policies", "/console/hr/policies?handler=Draft",
            new() { ["from"] = from, ["company"] = "ABC" });
        return response.StatusCode == HttpStatusCode.Redirect
            ? response.Headers.Location!.OriginalString
            : throw new InvalidOperationException($"Could not start a draft: {(int)response.StatusCode}");
    }

    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string subject, string area = "/console")
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
        };
        using var response = await PostFormAsync(client, $"{area}/sign-in", $"{area}/sign-in?handler=Demo", new() { ["subject"] = subject });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Demo sign-in as {subject} failed ({(int)response.StatusCode}): is Console:DemoSignIn on?");
        return client;
    }

    /// <summary>Loads <paramref name="page"/> for its antiforgery token, then posts the form to <paramref name="action"/>, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var token = AntiforgeryTokenOf(await client.GetStringAsync(page));
        return await client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>The first antiforgery token of a console page ("" when it has none).</summary>
    public static string AntiforgeryTokenOf(string html) => WebUtility.HtmlDecode(AntiforgeryToken().Match(html).Groups[1].Value);

    public static string Markdown(IReadOnlyList<PageTiming> timings)
    {
        var table = new StringBuilder("| Page | As | Status | median ms | p95 ms | max ms |\n|---|---|---|---:|---:|---:|\n");
        foreach (var t in timings)
            table.Append(CultureInfo.InvariantCulture, $"| `{Regex.Replace(t.Page, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")}` | {t.As} | {t.Status} | {t.MedianMs:0.0} | {t.P95Ms:0.0} | {t.MaxMs:0.0} |\n");
        return table.ToString();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"key\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex CheckoutKey();

    [GeneratedRegex("<input type=\"hidden\" name=\"from\" value=\"([0-9a-f-]{36})\">")]
    private static partial Regex InForceId();
}
