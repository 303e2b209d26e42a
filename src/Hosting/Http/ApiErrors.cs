using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Orleans.Runtime;

namespace NetOrleans.Hosting.Http;

/// <summary>
/// Every refusal as RFC 7807 problem details (application/problem+json) with a one-line detail: what the API throws,
/// what the grains throw (a bad argument 400, nothing by that name 404, a state that forbids it 409), a body too large
/// (413), and the empty 4xx answers of routing (404, 405).
/// </summary>
public static class ApiErrors
{
    /// <summary>The status and the one-line detail an exception stands for.</summary>
    public static (int Status, string Detail) Classify(Exception e) => e switch
    {
        ApiProblemException p => (p.Status, p.Message),
        BadHttpRequestException b when b.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            (b.StatusCode, $"request body: larger than the {HttpApi.MaxBodyBytes / 1024} KB this API takes"),
        BadHttpRequestException b => (b.StatusCode, $"request: {b.Message}"),
        KeyNotFoundException k => (StatusCodes.Status404NotFound, k.Message),
        ArgumentException a => (StatusCodes.Status400BadRequest, a.Message),
        InvalidOperationException i => (StatusCodes.Status409Conflict, i.Message),
        TimeoutException or SiloUnavailableException or OrleansMessageRejectionException =>
            (StatusCodes.Status503ServiceUnavailable, $"the cluster did not answer in time: {e.Message}"),
        _ => (StatusCodes.Status500InternalServerError, $"internal error ({e.GetType().Name}): {e.Message}"),
    };

    /// <summary>Writes a problem details answer; the detail is cut to its first line.</summary>
    public static Task Write(HttpContext context, int status, string detail)
    {
        var line = OneLine(detail);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var problem = new Dictionary<string, object>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = ReasonPhrases.GetReasonPhrase(status),
            ["status"] = status,
            ["detail"] = line,
            ["instance"] = $"{context.Request.Method} {context.Request.Path}",
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(problem, JsonBody.Options));
    }

    /// <summary>The first line of <paramref name="text"/>, trimmed.</summary>
    public static string OneLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }

    /// <summary>Middleware: turns what the endpoints throw into problem details, unless the answer has started.</summary>
    public static async Task Catch(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, detail) = Classify(e);
            await Write(context, status, detail);
        }
    }
}
