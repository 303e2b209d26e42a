using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace NetOrleans.AppHost;

/// <summary>
/// How a `netorleans` console outside the AppHost sends its spans to the dashboard, which accepts OTLP only with
/// its API key: AppHost:OtlpApiKey, which Aspire keeps in the AppHost's user secrets after its first run; the AppHost
/// picks one itself when none is configured yet, so that it can print it.
/// </summary>
/// <param name="Endpoint">the dashboard's OTLP/gRPC endpoint</param>
/// <param name="ApiKey">the key the dashboard asks for in the x-otlp-api-key header</param>
public sealed record ConsoleTelemetry(string Endpoint, string ApiKey)
{
    private const string KeySetting = "AppHost:OtlpApiKey";
    private const string EndpointSetting = "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL";

    /// <summary>The environment variables to export before `netorleans train`.</summary>
    public string Variables => $"OTEL_EXPORTER_OTLP_ENDPOINT={Endpoint} OTEL_EXPORTER_OTLP_HEADERS=x-otlp-api-key={ApiKey}";

    /// <summary>Sets the dashboard's OTLP key when none is configured; null when the dashboard has no OTLP endpoint.</summary>
    public static ConsoleTelemetry? Configure(IConfiguration configuration)
    {
        if (configuration[EndpointSetting] is not { Length: > 0 } endpoint)
        {
            return null;
        }

        var key = configuration[KeySetting] ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return new ConsoleTelemetry(endpoint, key);
    }
}
