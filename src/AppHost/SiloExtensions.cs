using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NetOrleans.AppHost;

/// <summary>A NetOrleans silo as a project resource of src/Silo, clustered and stored through Redis.</summary>
public static class SiloExtensions
{
    /// <summary>The name of a silo's silo-to-silo endpoint.</summary>
    public const string SiloEndpoint = "orleans-silo";

    /// <summary>The name of a silo's gateway endpoint, where `netorleans --gateway` connects.</summary>
    public const string GatewayEndpoint = "orleans-gateway";

    /// <summary>The name of the Orleans dashboard's endpoint, on the silo that has one.</summary>
    public const string DashboardEndpoint = "dashboard";

    /// <summary>The silo's variable for its HTTP API token (src/Hosting/Http/ApiToken.cs).</summary>
    public const string TokenVariable = "NETORLEANS_TOKEN";

    /// <summary>The name of the live page's endpoint (the silo's HTTP API and page), on the silo that has one.</summary>
    public const string LivePageEndpoint = "live";

    /// <summary>
    /// A silo listening on 127.0.0.1 only, at ports the orchestrator picks, started once Redis runs and healthy once
    /// its gateway accepts connections. With a <paramref name="pageToken"/>, it serves the live page and the HTTP API
    /// (with that token for the calls that change state) and the Orleans dashboard; without, no HTTP at all.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddSilo(this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ExecutableResource> redis, string? pageToken)
    {
        var silo = builder.AddProject<Projects.Silo>(name)
            .WithEndpoint(scheme: "tcp", name: SiloEndpoint, isProxied: false)
            .WithEndpoint(scheme: "tcp", name: GatewayEndpoint, isProxied: false)
            .WaitFor(redis);
        silo.WithArgs(
            "--address", "127.0.0.1",
            "--redis", redis.Address(),
            "--silo-port", silo.GetEndpoint(SiloEndpoint).Property(EndpointProperty.TargetPort),
            "--gateway-port", silo.GetEndpoint(GatewayEndpoint).Property(EndpointProperty.TargetPort));
        silo.WithUrlForEndpoint(GatewayEndpoint, url => url.DisplayText = $"gateway {url.Url.Replace("tcp://localhost:", "127.0.0.1:")}")
            .WithUrlForEndpoint(SiloEndpoint, url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly);
        if (pageToken is null)
        {
            silo.WithArgs("--http-port", "0");
        }
        else
        {
            silo.WithHttpEndpoint(name: LivePageEndpoint, isProxied: false)
                .WithArgs("--http-port", silo.GetEndpoint(LivePageEndpoint).Property(EndpointProperty.TargetPort))
                .WithEnvironment(TokenVariable, pageToken)
                .WithUrlForEndpoint(LivePageEndpoint, url =>
                {
                    url.Url = $"{url.Url.TrimEnd('/')}/?token={pageToken}";
                    url.DisplayText = "live page";
                });
            silo.WithHttpEndpoint(name: DashboardEndpoint, isProxied: false)
                .WithArgs("--dashboard-port", silo.GetEndpoint(DashboardEndpoint).Property(EndpointProperty.TargetPort))
                .WithUrlForEndpoint(DashboardEndpoint, url => url.DisplayText = "Orleans dashboard");
        }

        var check = $"{name}-gateway";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(check, _ => new GatewayHealthCheck(silo.GetEndpoint(GatewayEndpoint)), null, null));
        return silo.WithHealthCheck(check);
    }
}
