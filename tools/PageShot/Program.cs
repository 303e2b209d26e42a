using Microsoft.Playwright;

// pageshot URL FILE.png [CONDITION]: a screenshot of the whole page in Debian's Chromium (headless, through the
// Playwright driver inside the NuGet package: no browser download), once the JavaScript CONDITION holds (60 s at most)
// and a second more for the page to draw. Used by scripts/screenshots.sh.
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: pageshot URL FILE.png [JS-CONDITION]");
    return 2;
}

const string chromium = "/usr/lib/chromium/chromium";
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
var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
await page.GotoAsync(args[0]);
if (args.Length == 3)
{
    await page.WaitForFunctionAsync(args[2], null, new PageWaitForFunctionOptions { Timeout = 60_000 });
}

await page.WaitForTimeoutAsync(1000);
await page.ScreenshotAsync(new PageScreenshotOptions { Path = args[1], FullPage = true });
await page.CloseAsync();
Console.WriteLine($"written: {args[1]}");
return 0;
