using Orleans.Configuration;
using NetOrleans.Grains;
using NetOrleans.Silo.Telemetry;

namespace NetOrleans.Silo;

/// <summary>Wires a NetOrleans silo: clustering, storage and the grains.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Configures a silo from its settings.</summary>
    public static ISiloBuilder UseNetOrleans(this ISiloBuilder silo, SiloSettings settings)
    {
        silo.UseLocalhostClustering(
            settings.SiloPort,
            settings.GatewayPort,
            settings.Primary,
            settings.ServiceId,
            settings.ClusterId);
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = settings.Address;
            o.SiloListeningEndpoint = new System.Net.IPEndPoint(settings.Address, settings.SiloPort);
            o.GatewayListeningEndpoint = new System.Net.IPEndPoint(settings.Address, settings.GatewayPort);
        });
        silo.AddNetOrleansTelemetry(settings.Telemetry);
        return silo.AddNetOrleansGrains();
    }

    /// <summary>What every NetOrleans silo needs whatever its clustering: grain storage.</summary>
    public static ISiloBuilder AddNetOrleansGrains(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(StorageNames.Store);
}
