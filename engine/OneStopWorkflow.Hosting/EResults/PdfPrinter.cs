using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;

namespace OneStopWorkflow.Hosting.EResults;

/// <summary>
/// Prints HTML to A4 PDF in headless Chromium, as a clerk's browser prints the papers (the templates' <c>@page</c>
/// rules set the size and margins). One browser is started on first use and reused; each job gets its own page,
/// with scripts and the network off; at most <see cref="EResultOptions.Concurrency"/> pages print at once. A browser
/// that crashed is started again by the next job. Where Chromium cannot be started the job throws
/// <see cref="PdfPrinterUnavailableException"/>, and the caller retries later.
/// </summary>
public sealed partial class PdfPrinter(IOptions<OneStopOptions> options, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly EResultOptions _options = options.Value.EResults;
    private readonly SemaphoreSlim _pages = new(Math.Max(1, options.Value.EResults.Concurrency));
    private readonly SemaphoreSlim _starting = new(1);
    private readonly ILogger _logger = loggers.CreateLogger<PdfPrinter>();
    private IBrowser? _browser;

    /// <summary>
    /// Flags for a headless Chromium on a closed server: no sandbox as root, no GPU, and nothing that calls out.
    /// </summary>
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--mute-audio",
    ];

    public async Task<byte[]> PrintAsync(string html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        await _pages.WaitAsync(cancellationToken);
        try
        {
            var browser = await BrowserAsync(cancellationToken);
            await using var page = await browser.NewPageAsync();
            var timeout = (int)_options.PrintTimeout.TotalMilliseconds;
            page.DefaultTimeout = timeout;
            await page.SetJavaScriptEnabledAsync(false);
            await page.SetOfflineModeAsync(true);
            await page.SetContentAsync(html, new SetContentOptions
            {
                WaitUntil = [WaitUntilNavigation.Load], Timeout = timeout,
            });
            return await page.PdfDataAsync(new PdfOptions
            {
                Format = PaperFormat.A4, PreferCSSPageSize = true, PrintBackground = true, Timeout = timeout,
            }).WaitAsync(cancellationToken);
        }
        finally
        {
            _pages.Release();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _starting.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } started)
            {
                return started;
            }

            if (_browser is not null)
            {
                LogBrowserLost();
                await _browser.DisposeAsync();
                _browser = null;
            }

            if (!File.Exists(_options.ChromiumPath))
            {
                throw new PdfPrinterUnavailableException(
                    $"Chromium is not installed at {_options.ChromiumPath} (OneStop:EResults:ChromiumPath); "
                    + "install it (apt-get install chromium) or set the path.");
            }

            try
            {
                _browser = await Puppeteer.LaunchAsync(new LaunchOptions
                {
                    ExecutablePath = _options.ChromiumPath, Headless = true, Args = Flags,
                    Timeout = (int)_options.PrintTimeout.TotalMilliseconds,
                }, loggers);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new PdfPrinterUnavailableException(
                    $"Chromium at {_options.ChromiumPath} did not start: {ex.Message}", ex);
            }

            LogBrowserStarted(_options.ChromiumPath);
            return _browser;
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
            _browser = null;
        }

        _pages.Dispose();
        _starting.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chromium started for printing e-results: {Path}.")]
    private partial void LogBrowserStarted(string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The printing Chromium was lost; it is started again.")]
    private partial void LogBrowserLost();
}

/// <summary>Chromium cannot be started here: nothing can be printed until it is installed or its path fixed.</summary>
public sealed class PdfPrinterUnavailableException : Exception
{
    public PdfPrinterUnavailableException()
    {
    }

    public PdfPrinterUnavailableException(string message) : base(message)
    {
    }

    public PdfPrinterUnavailableException(string message, Exception inner) : base(message, inner)
    {
    }
}
