using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace NetOrleans.Hosting.Http;

/// <summary>
/// Reads a request's JSON body strictly: camelCase names, no unknown fields, numbers as numbers, no null where a value
/// is needed. What is wrong becomes one 400 line that names the place in the body ($.rows[1][0]).
/// </summary>
public static partial class JsonBody
{
    /// <summary>The options of every body and every answer of the API.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // Answers go to programs and to the page, never into HTML unescaped: 'network' reads better than \u0027network\u0027.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The body as a <typeparamref name="T"/>; anything else is an <see cref="ApiProblemException"/>.</summary>
    public static async Task<T> Read<T>(HttpRequest request)
    {
        if (!request.HasJsonContentType())
        {
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "request body: send JSON with Content-Type: application/json");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, Options, request.HttpContext.RequestAborted)
                ?? throw new ApiProblemException(StatusCodes.Status400BadRequest, "request body: expected a JSON object, got null");
        }
        catch (JsonException e)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, $"request body: {Describe(e)}");
        }
    }

    /// <summary>"at $.rows[0][1]: expected a number" from what System.Text.Json says.</summary>
    private static string Describe(JsonException e)
    {
        var message = ApiErrors.OneLine(e.Message);
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        if (UnknownMember().Match(message) is { Success: true } unknown)
        {
            return $"unknown field '{unknown.Groups[1].Value}'";
        }

        if (MissingMember().Match(message) is { Success: true } missing)
        {
            return $"missing field {missing.Groups[1].Value}";
        }

        var where = e.Path is { Length: > 1 } path ? $"at {path}: " : "";
        if (Conversion().Match(message) is { Success: true } conversion)
        {
            return $"{where}expected {Friendly(conversion.Groups[1].Value)}";
        }

        return e.InnerException is null && e.Path is null ? $"not valid JSON ({message})" : $"{where}{message}";
    }

    private static string Friendly(string type) => type switch
    {
        var t when t.StartsWith("System.Double", StringComparison.Ordinal) || t.StartsWith("System.Int", StringComparison.Ordinal)
            || t.StartsWith("System.Int64", StringComparison.Ordinal) => "a number",
        var t when t.StartsWith("System.String", StringComparison.Ordinal) => "a string",
        var t when t.StartsWith("System.Boolean", StringComparison.Ordinal) => "true or false",
        var t when t.Contains("[]", StringComparison.Ordinal) || t.Contains("List", StringComparison.Ordinal) => "an array",
        _ => "an object",
    };

    [GeneratedRegex(@"The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"missing required properties including: (.+?)\.?$")]
    private static partial Regex MissingMember();

    [GeneratedRegex(@"could not be converted to ([\w.\[\]`, ]+?)\.?$")]
    private static partial Regex Conversion();
}
