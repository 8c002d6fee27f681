using System.Runtime.CompilerServices;
using CareerLedger.Testing;
using Microsoft.Playwright;

namespace CareerLedger.Browser.Tests;

/// <summary>
/// The app as a real process on its own database (Production settings, reminder jobs off) and a headless Chromium driven by
/// Playwright. Chromium is the system's (Debian's <c>chromium</c> package at <c>/usr/bin/chromium</c>, installed by .ci/run, or
/// <c>CAREERLEDGER_CHROMIUM</c>); Playwright never downloads a browser. Screenshots go to <see cref="ScreenshotDirectory"/>.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    /// <summary>Environment variable naming the Chromium executable.</summary>
    public const string ChromiumVariable = "CAREERLEDGER_CHROMIUM";

    private readonly PostgresFixture _postgres = new();
    private LedgerProcess? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The site's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => App.BaseAddress;

    /// <summary>The running app.</summary>
    public LedgerProcess App => _app ?? throw new InvalidOperationException("Not started.");

    /// <summary>The browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>
    /// Where screenshots are written: <c>CAREERLEDGER_ARTIFACTS</c>/screenshots if set, else <c>TestResults/screenshots</c> at the
    /// repository root.
    /// </summary>
    public static string ScreenshotDirectory { get; } = FindScreenshotDirectory();

    /// <summary>The Chromium executable used.</summary>
    /// <exception cref="InvalidOperationException">When none is installed (the message says how to install one).</exception>
    public static string ChromiumPath()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable(ChromiumVariable), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
            ?? throw new InvalidOperationException(
                $"No Chromium found: install Debian's package (`apt-get install chromium`, as .ci/run does) or set {ChromiumVariable} to a Chromium or Chrome executable.");
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var chromium = ChromiumPath();
        await _postgres.InitializeAsync();
        var database = await _postgres.CreateDatabaseAsync("browser");
        _app = await LedgerProcess.StartAsync(database);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            // The machine's network is closed: without these, Chromium keeps trying to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A new browser context (its own cookies: one user) with a page, at a laptop (1280×800) or phone (390×844) size.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            DeviceScaleFactor = 1,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "en-GB",
            TimezoneId = "Europe/Berlin",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Runs a browser test body; when it fails, a screenshot <c>FAILED-{name}.png</c> and the page's HTML are written next to the
    /// other screenshots before the failure is rethrown.
    /// </summary>
    public static async Task RunAsync(IPage page, string name, Func<Task> body)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            await body();
        }
        catch
        {
            await ScreenshotAsync(page, "FAILED-" + name);
            await File.WriteAllTextAsync(Path.Combine(ScreenshotDirectory, $"FAILED-{name}.html"), await page.ContentAsync());
            throw;
        }
    }

    /// <summary>Writes a full-page screenshot <c>{name}.png</c> to <see cref="ScreenshotDirectory"/> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static string FindScreenshotDirectory([CallerFilePath] string source = "")
    {
        if (Environment.GetEnvironmentVariable("CAREERLEDGER_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            return Path.Combine(artifacts, "screenshots");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareerLedger.sln")))
            {
                return Path.Combine(dir.FullName, "TestResults", "screenshots");
            }
        }

        return Path.Combine(Path.GetDirectoryName(source) ?? ".", "TestResults", "screenshots");
    }
}

/// <summary>The browser tests share one app and one browser (starting them takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "site";
}
