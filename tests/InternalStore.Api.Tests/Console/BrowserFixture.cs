using InternalStore.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InternalStore.Api.Tests.Console;

/// <summary>The store on Kestrel (a real port the browser can reach) on its own SQLite file.</summary>
public sealed class KestrelStoreFactory : SqliteStoreFactory
{
    public KestrelStoreFactory() => UseKestrel(0);

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            // The API clients of the test builders go to the same port.
            return ClientOptions.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }
}

/// <summary>
/// Debian's Chromium driven by Playwright (headless, no sandbox; never a downloaded browser) against
/// the store on Kestrel. Screenshots go to the test output, and also to INTERNALSTORE_SCREENSHOTS
/// when set (that is how docs/screenshots is refreshed).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public KestrelStoreFactory Store { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Store.InitializeAsync();
        _ = Store.BaseAddress;
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (.ci/run does).");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> SignedInPageAsync(string subject)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Store.BaseAddress.ToString(),
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console");
        await ScreenshotAsync(page, "sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {subject}" }).ClickAsync();
        await page.WaitForURLAsync("**/console");
        return page;
    }

    /// <summary>A new browser signed in to the shop as <paramref name="subject"/>, at a phone's width when asked.</summary>
    public async Task<IPage> ShopPageAsync(string subject, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Store.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            // axe-core is injected by the tests; the store's own pages run no script.
            BypassCSP = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/shop");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in as {subject}", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/shop");
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folders = new[] { Path.Combine(AppContext.BaseDirectory, "screenshots"), Environment.GetEnvironmentVariable("INTERNALSTORE_SCREENSHOTS") };
        foreach (var folder in folders.Where(f => !string.IsNullOrWhiteSpace(f)))
        {
            Directory.CreateDirectory(folder!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder!, name + ".png"), FullPage = true });
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)Store).DisposeAsync();
    }
}
