using System.Globalization;
using Microsoft.Playwright;

// pageshot URL FILE.png [--wait JS-CONDITION] [--size WIDTHxHEIGHT] [--full-page]: a screenshot in Debian's Chromium
// (headless, through the Playwright driver inside the NuGet package: no browser download), once the JavaScript
// condition holds (60 s at most) and a second more for the page to draw. Used by scripts/screenshots.sh and
// scripts/apphost-screenshot.sh.
const string chromium = "/usr/lib/chromium/chromium";
const string usage = "usage: pageshot URL FILE.png [--wait JS-CONDITION] [--size WIDTHxHEIGHT] [--full-page]";
if (args.Length < 2)
{
    Console.Error.WriteLine(usage);
    return 2;
}

string? condition = null;
var (width, height) = (1400, 1000);
var fullPage = false;
for (var i = 2; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--wait" when i + 1 < args.Length:
            condition = args[++i];
            break;
        case "--size" when i + 1 < args.Length && args[i + 1].Split('x') is [var w, var h]
            && int.TryParse(w, CultureInfo.InvariantCulture, out width) && int.TryParse(h, CultureInfo.InvariantCulture, out height):
            i++;
            break;
        case "--full-page":
            fullPage = true;
            break;
        default:
            Console.Error.WriteLine($"pageshot: '{args[i]}' is not an option\n{usage}");
            return 2;
    }
}

if (!File.Exists(chromium))
{
    Console.Error.WriteLine($"pageshot: {chromium} is missing: apt-get install -y chromium");
    return 1;
}

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
await page.GotoAsync(args[0]);
if (condition is not null)
{
    await page.WaitForFunctionAsync(condition, null, new PageWaitForFunctionOptions { Timeout = 60_000 });
}

await page.WaitForTimeoutAsync(1000);
await page.ScreenshotAsync(new PageScreenshotOptions { Path = args[1], FullPage = fullPage });
await page.CloseAsync();
Console.WriteLine($"written: {args[1]}");
return 0;
