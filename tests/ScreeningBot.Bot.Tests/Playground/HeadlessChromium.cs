using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Chromium;

namespace ScreeningBot.Bot.Tests.Playground;

/// <summary>
/// A headless Chromium driven through chromedriver (Selenium WebDriver), from Debian's <c>chromium</c> and
/// <c>chromium-driver</c> packages, with a fresh profile that is deleted on dispose. Missing binaries fail the test with
/// the command that installs them: the page test is never skipped.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    public const string BrowserVariable = "SCREENINGBOT_CHROMIUM";
    public const string DriverVariable = "SCREENINGBOT_CHROMEDRIVER";

    private readonly string _profile;

    private HeadlessChromium(ChromeDriver driver, string profile)
    {
        Driver = driver;
        _profile = profile;
    }

    public ChromeDriver Driver { get; }

    /// <param name="acceptLanguage">The browser's languages, as it sends them in <c>Accept-Language</c> (Chromium's default when null).</param>
    public static HeadlessChromium Start(int width, int height, string? acceptLanguage = null) => Start(width, height, phone: null, acceptLanguage);

    /// <summary>
    /// A phone: Chromium's device emulation with a <paramref name="width"/> × <paramref name="height"/> CSS-pixel viewport,
    /// <paramref name="pixelRatio"/> device pixels per CSS pixel and touch events (a desktop window cannot be made narrower
    /// than about 500 pixels).
    /// </summary>
    public static HeadlessChromium StartPhone(int width, int height, double pixelRatio) =>
        Start(Math.Max(width, 500), height + 200, phone: new ChromiumMobileEmulationDeviceSettings
        {
            Width = width,
            Height = height,
            PixelRatio = pixelRatio,
            EnableTouchEvents = true,
            UserAgent = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
        }, acceptLanguage: null);

    private static HeadlessChromium Start(int width, int height, ChromiumMobileEmulationDeviceSettings? phone, string? acceptLanguage)
    {
        var browser = Environment.GetEnvironmentVariable(BrowserVariable) is { Length: > 0 } b ? b : "/usr/bin/chromium";
        var driverPath = Environment.GetEnvironmentVariable(DriverVariable) is { Length: > 0 } d ? d : "/usr/bin/chromedriver";
        var missing = new[] { browser, driverPath }.Where(p => !File.Exists(p)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException(
                $"The playground page test needs headless Chromium and chromedriver, but {string.Join(" and ", missing)} {(missing.Length == 1 ? "does" : "do")} not exist. " +
                $"Install them with `sudo apt-get update && sudo apt-get install -y chromium chromium-driver` (Debian; .ci/run does this), " +
                $"or point {BrowserVariable} and {DriverVariable} at a Chromium and the chromedriver of the same version.");
        }

        var profile = Directory.CreateTempSubdirectory("screeningbot-chromium-").FullName;
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
            $"--window-size={width},{height}",
            $"--user-data-dir={profile}");
        if (acceptLanguage is not null)
        {
            options.AddArgument($"--accept-lang={acceptLanguage}");
            options.AddUserProfilePreference("intl.accept_languages", acceptLanguage);
        }

        if (phone is not null)
        {
            options.EnableMobileEmulation(phone);
        }

        try
        {
            return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profile);
        }
        catch
        {
            service.Dispose();
            TryDelete(profile);
            throw;
        }
    }

    /// <summary>Saves a PNG of the visible page.</summary>
    public void Screenshot(string path) => Driver.GetScreenshot().SaveAsFile(path);

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        finally
        {
            Driver.Dispose();
            TryDelete(_profile);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing as it exits; the OS temp cleaner takes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Elements matching <paramref name="css"/>.</summary>
    public IReadOnlyList<IWebElement> All(string css) => Driver.FindElements(By.CssSelector(css));
}
