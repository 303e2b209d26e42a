using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace NetOrleans.Hosting.Http;

/// <summary>
/// The live page: / is index.html, /assets/FILE the files beside it (Http/wwwroot, embedded in this assembly, vendored
/// libraries with their licences). Cached by the browser for a minute; nothing is read from disk.
/// </summary>
public static class PageEndpoints
{
    private const string Prefix = "wwwroot/";

    private static readonly Assembly Assembly = typeof(PageEndpoints).Assembly;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext context) => Serve(context, "index.html")).ExcludeFromDescription();
        app.MapGet("/assets/{**file}", (HttpContext context, string file) => Serve(context, file)).ExcludeFromDescription();
    }

    private static async Task Serve(HttpContext context, string file)
    {
        await using var stream = file.Contains("..", StringComparison.Ordinal) ? null : Assembly.GetManifestResourceStream(Prefix + file);
        if (stream is null)
        {
            throw new ApiProblemException(StatusCodes.Status404NotFound, $"no page file '{file}'");
        }

        context.Response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        context.Response.Headers.CacheControl = "public, max-age=60";
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
