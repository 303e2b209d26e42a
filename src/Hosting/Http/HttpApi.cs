using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetOrleans.Hosting.Telemetry;
using Scalar.AspNetCore;

namespace NetOrleans.Hosting.Http;

/// <summary>
/// The silo's HTTP endpoint: the JSON API under /api (reads and predict open, changes behind the bearer token), its
/// OpenAPI document at /openapi/v1.json with a reference page at /api, the silo's health at /health, and the live page at /. It reaches the grains
/// through the silo's own IGrainFactory.
/// </summary>
public static class HttpApi
{
    /// <summary>The largest request body taken.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>The OpenAPI document's path.</summary>
    public const string OpenApiPath = "/openapi/v1.json";

    /// <summary>Adds the endpoint's services to a web host listening on <paramref name="address"/>:<paramref name="port"/>.</summary>
    public static void AddNetOrleansHttp(this WebApplicationBuilder web, IPAddress address, int port, ApiToken token)
    {
        web.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, port);
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        web.Services.AddSingleton(token);
        web.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo");
        web.Services.TryAddSingleton<RecentSpans>();
        web.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "NetOrleans";
            document.Info.Description = "Networks whose every neuron is an Orleans grain: their neurons, predictions and training jobs. "
                + "Calls that change state need Authorization: Bearer TOKEN (the token the silo printed at start).";
            return Task.CompletedTask;
        }));
        web.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonBody.Options.DefaultIgnoreCondition;
            o.SerializerOptions.NumberHandling = JsonBody.Options.NumberHandling;
            o.SerializerOptions.Encoder = JsonBody.Options.Encoder;
        });
    }

    /// <summary>Maps the API, its documents and the page on <paramref name="port"/> (every host name).</summary>
    /// <param name="dashboard">the Orleans dashboard's URL, for the page's link, or null</param>
    public static void MapNetOrleansHttp(this WebApplication app, int port, string? dashboard)
    {
        app.Use((context, next) => ApiErrors.Catch(context, () => next(context)));
        app.UseStatusCodePages(async status =>
        {
            var context = status.HttpContext;
            if (context.Response.StatusCode is >= 400 and < 600 && context.Response.ContentLength is null or 0)
            {
                var detail = context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed
                    ? $"{context.Request.Method} is not allowed on {context.Request.Path}"
                    : $"no such endpoint: {context.Request.Method} {context.Request.Path}";
                await ApiErrors.Write(context, context.Response.StatusCode, detail);
            }
        });

        var host = $"*:{port}";
        var api = app.MapGroup("/api").RequireHost(host);
        NetworkEndpoints.Map(api);
        NeuronEndpoints.Map(api);
        SurfaceEndpoint.Map(api);
        JobEndpoints.Map(api);
        ClusterEndpoints.Map(api, dashboard);
        app.MapOpenApi(OpenApiPath).RequireHost(host);
        app.MapHealthChecks("/health").RequireHost(host);
        app.MapScalarApiReference("/api", o => o.WithOpenApiRoutePattern(OpenApiPath).WithTitle("NetOrleans API")).RequireHost(host);
        var page = app.MapGroup("").RequireHost(host);
        PageEndpoints.Map(page);
    }
}
