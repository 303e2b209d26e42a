namespace NetOrleans.Hosting;

/// <summary>`netorleans-silo --help`: every setting the silo reads, its default, and where else it can come from.</summary>
public static class SiloHelp
{
    /// <summary>The setting's name (as --name, NETORLEANS_NAME and "name" in appsettings.json), its value, what it does and its default.</summary>
    private static readonly (string Name, string Value, string Description, string Default)[] Settings =
    [
        ("silo-port", "PORT", "the port other silos reach this one on", "11111"),
        ("gateway-port", "PORT", "the port clients (netorleans --gateway) connect to", "30000"),
        ("primary", "HOST:PORT", "localhost clustering: the silo port of the first silo, which this one joins", "this silo is the primary"),
        ("redis", "HOST:PORT", "Redis for clustering, grain storage and reminders (survives the loss of any silo)", "localhost clustering, memory storage"),
        ("address", "IP", "the address the silo listens on", "127.0.0.1"),
        ("advertise", "IP|HOST", "the address other silos and clients reach this one at", "--address"),
        ("dashboard-port", "PORT", "serve the Orleans Dashboard on this port (under /dashboard/ when it is the --http-port)", "no dashboard"),
        ("http-port", "PORT", "serve the JSON API (/api, /openapi/v1.json) and the live page (/) on this port; 0 for none", "8081"),
        ("http-address", "IP", "the address the JSON API and the live page listen on", "127.0.0.1"),
        ("placement", "spread|local", "where a network's neuron grains live: spread over the silos, or on the network's silo", "spread"),
        ("memory-budget", "SIZE|N%", "the memory new networks may take (8GB, 512MB, 25% of the silos' available memory)", "50%"),
        ("trace", "console|console-full|file:PATH[,orleans]", "spans of every neuron (see docs/telemetry.md); OTEL_EXPORTER_OTLP_ENDPOINT sends them over OTLP", "off"),
        ("cluster-id", "ID", "the cluster's id (clients: NETORLEANS_CLUSTER_ID)", "netorleans"),
        ("service-id", "ID", "the service's id (clients: NETORLEANS_SERVICE_ID)", "netorleans"),
    ];

    /// <summary>The help text.</summary>
    public static string Text()
    {
        var width = Settings.Max(s => s.Name.Length + s.Value.Length + 5);
        var lines = Settings.Select(s => $"  {$"--{s.Name} <{s.Value}>".PadRight(width)}  {s.Description} [default: {s.Default}]");
        return $"""
            usage: netorleans-silo [options]

            A NetOrleans silo: hosts networks, neuron grains and training jobs for netorleans --gateway clients.

            Options (each also read from NETORLEANS_<NAME> and from "name" in appsettings.json; the command line wins):
            {string.Join("\n", lines)}
              {"--help".PadRight(width)}  this help
            """;
    }
}
