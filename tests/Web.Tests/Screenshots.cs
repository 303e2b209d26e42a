using Microsoft.Playwright;

namespace NetOrleans.Web.Tests;

/// <summary>
/// Where the page tests save their screenshots: NETORLEANS_SCREENSHOTS (scripts/screenshots.sh points it at docs/img),
/// else screenshots/ beside the test assembly, kept as the run's artefacts.
/// </summary>
public static class Screenshots
{
    public static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("NETORLEANS_SCREENSHOTS") is { Length: > 0 } given
                ? given
                : Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static Task Save(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
}
